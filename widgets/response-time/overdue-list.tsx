// Section 4: the overdue tickets, newest first, ten a page. The table keeps the height of ten rows
// whatever the page holds, so paging never moves anything; tickets still open past their type's
// expected hours carry a "Breaching now" badge.
import type { OverdueResponse } from '../../shared/analytics/api.ts';
import { formatDateTime, formatHours, humanize } from '../runtime/format.ts';
import { SkeletonBlock } from '../runtime/ui/states.tsx';
import { PaginationBar, showingRange } from '../runtime/ui/table-pagination.tsx';
import { overduePageSize } from './asks.ts';
import { isPriority, PriorityDot, priorityLabel } from './panel.tsx';

/** Compact enough for ten columns; the full date is in the title. */
const shortDateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
/** Table (36 px header + 10 rows of 40 px + room for a horizontal scrollbar), 8 px gap, 36 px pager. */
export const overdueHeight = 'h-123';
const tableHeight = 'h-112';

export const overdueColumns = [
  { key: 'ticket', label: 'Ticket #', numeric: true },
  { key: 'title', label: 'Title', numeric: false },
  { key: 'client', label: 'Client', numeric: false },
  { key: 'type', label: 'Type', numeric: false },
  { key: 'priority', label: 'Priority', numeric: false },
  { key: 'status', label: 'Status', numeric: false },
  { key: 'created', label: 'Created', numeric: false },
  { key: 'actual', label: 'Actual h', numeric: true },
  { key: 'expected', label: 'Expected h', numeric: true },
  { key: 'overBy', label: 'Over by h', numeric: true },
] as const;

export function OverdueSkeleton() {
  return (
    <div className="flex h-full flex-col gap-2">
      <div className={`${tableHeight} flex flex-col`}>
        <div className="flex h-9 items-center gap-6">
          <SkeletonBlock className="h-3 w-14" />
          <SkeletonBlock className="h-3 flex-1" />
          <SkeletonBlock className="h-3 w-1/2" />
        </div>
        {Array.from({ length: overduePageSize }, (_, i) => (
          <div key={i} className="flex h-10 items-center gap-6 border-t border-line">
            <SkeletonBlock className="h-3 w-14" />
            <SkeletonBlock className="h-3 flex-1" />
            <SkeletonBlock className="h-3 w-1/2" />
          </div>
        ))}
      </div>
      <div className="flex h-9 items-center justify-between">
        <SkeletonBlock className="h-3 w-40" />
        <SkeletonBlock className="h-7 w-36" />
      </div>
    </div>
  );
}

function rangeText(data: OverdueResponse): string {
  if (data.total === 0) return 'No overdue tickets';
  const from = (data.page - 1) * data.pageSize + 1;
  return showingRange(from, from + data.rows.length - 1, data.total);
}

interface OverdueListProps {
  data: OverdueResponse;
  page: number;
  onPage: (page: number) => void;
}

export function OverdueList({ data, page, onPage }: OverdueListProps) {
  return (
    <div className="flex h-full flex-col gap-2">
      <div className={`${tableHeight} overflow-x-auto overflow-y-hidden`}>
        {/* Below ~1060 px the title would have no room: the table scrolls sideways instead. */}
        <table className="w-full min-w-265 text-left text-sm">
          <caption className="sr-only">Overdue tickets, newest first: {rangeText(data)}</caption>
          <thead className="text-xs text-muted">
            <tr className="h-9">
              {overdueColumns.map((c) => (
                <th key={c.key} scope="col" className={`px-2 font-medium whitespace-nowrap first:pl-0 last:pr-0 ${c.numeric ? 'text-right' : ''}`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((t) => (
              <tr
                key={t.ticketId}
                data-row=""
                data-ticket-id={t.ticketId}
                data-breaching={String(t.breachingNow)}
                className="h-10 border-t border-line whitespace-nowrap"
              >
                <td data-col="ticket" data-value={t.ticketId} className="pr-2 text-right text-muted tabular-nums">
                  {t.ticketId}
                </td>
                <td data-col="title" className="w-full max-w-0 px-2">
                  <div className="flex items-center gap-2">
                    {t.breachingNow && (
                      <span data-badge="breaching" className="shrink-0 rounded-full border border-danger px-1.5 text-xs font-medium text-danger">
                        Breaching now
                      </span>
                    )}
                    <span className="truncate" title={t.title}>
                      {t.title}
                    </span>
                  </div>
                </td>
                <td data-col="client" className="px-2">
                  <div className="max-w-36 truncate" title={t.clientName}>
                    {t.clientName}
                  </div>
                </td>
                <td data-col="type" className="px-2">
                  {t.typeName}
                </td>
                <td data-col="priority" data-value={t.priority ?? undefined} className="px-2">
                  {isPriority(t.priority) ? (
                    <span className="inline-flex items-center gap-1.5">
                      <PriorityDot priority={t.priority} />
                      {priorityLabel(t.priority)}
                    </span>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
                <td data-col="status" data-value={t.status ?? undefined} className="px-2">
                  {t.status ? humanize(t.status) : '—'}
                </td>
                <td data-col="created" data-value={t.createdAt} className="px-2 text-muted">
                  <time dateTime={t.createdAt} title={formatDateTime(Date.parse(t.createdAt))}>
                    {shortDateTime.format(Date.parse(t.createdAt))}
                  </time>
                </td>
                <td data-col="actual" data-value={t.actualHours} className="px-2 text-right tabular-nums">
                  {formatHours(t.actualHours)}
                </td>
                <td data-col="expected" data-value={t.expectedHours} className="px-2 text-right text-muted tabular-nums">
                  {formatHours(t.expectedHours)}
                </td>
                <td data-col="overBy" data-value={t.overByHours} className="pl-2 text-right text-danger tabular-nums">
                  {formatHours(t.overByHours)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PaginationBar
        page={page}
        pageSize={overduePageSize}
        total={data.total}
        onPageChange={onPage}
        label="Overdue pages"
        emptyText="No overdue tickets"
        frameClass="h-9"
      />
    </div>
  );
}
