// <ops-ticket-list>: the tickets matching the scope's filters, synced live through Zero, newest
// first, a page at a time. Pages are keyset pages (after the last row shown), and the next page is
// preloaded into the local store so "Next" shows it without a round trip. The exact total comes
// from the analytics overview, since ZQL cannot count.
import { useQuery, useZero } from '@rocicorp/zero/react';
import { useEffect, useMemo, useState } from 'react';
import type { Filters } from '../../shared/analytics/filters.ts';
import { queries } from '../../shared/zero/queries.ts';
import { useAnalytics } from '../runtime/analytics-client.ts';
import type { CsvTable } from '../runtime/csv.ts';
import { formatDateTime } from '../runtime/format.ts';
import { useReportStatus } from '../runtime/status.ts';
import { PriorityBadge, StatusBadge } from '../runtime/ui/badges.tsx';
import { EmptyState, ErrorNotice, Loading, SkeletonRows } from '../runtime/ui/states.tsx';
import { Pager, showingRange } from '../runtime/ui/table-pagination.tsx';
import { useCsvExport, useFilters, useWidget } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';

export const listStatuses = ['open', 'closed'] as const;
type ListStatus = (typeof listStatuses)[number];

export interface TicketListAttributes extends WidgetAttributes {
  /** Only open (open, in progress) or closed (resolved, closed) tickets. */
  status?: string;
  pageSize?: number;
}

const defaultPageSize = 25;
const rowHeight = 'h-12';

function statusOf(value: string | undefined): ListStatus | undefined {
  return (listStatuses as readonly string[]).includes(value ?? '') ? (value as ListStatus) : undefined;
}

function pageSizeOf(value: number | undefined): number {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 100 ? value : defaultPageSize;
}

type Cursor = { id: number; createdAt: number };

function listArgs(filters: Filters, status: ListStatus | undefined, pageSize: number, timeZone: string, after: Cursor | undefined) {
  // One more row than shown: its presence says there is a next page.
  return { filters, timeZone, limit: pageSize + 1, ...(status ? { status } : {}), ...(after ? { after } : {}) };
}

function Placeholder({ rows }: { rows: number }) {
  return (
    <Loading label="Loading tickets">
      <SkeletonRows rows={rows} rowHeight={rowHeight} />
    </Loading>
  );
}

function StatusPicker({ value, onChange }: { value: ListStatus | undefined; onChange: (s: ListStatus | undefined) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      Status
      <select
        value={value ?? ''}
        onChange={(e) => onChange(statusOf(e.target.value))}
        className="rounded-md border border-line bg-surface px-1.5 py-1 text-xs text-ink focus-visible:outline-2 focus-visible:outline-accent"
      >
        <option value="">All</option>
        <option value="open">Open</option>
        <option value="closed">Closed</option>
      </select>
    </label>
  );
}

function Tickets({ status, pageSize }: { status: ListStatus | undefined; pageSize: number }) {
  const { reportTimezone } = useWidget();
  const { filters } = useFilters();
  const zero = useZero();
  const view = JSON.stringify({ filters, status, pageSize });
  const [paging, setPaging] = useState<{ view: string; cursors: (Cursor | undefined)[] }>({ view, cursors: [undefined] });
  const cursors = paging.view === view ? paging.cursors : [undefined];
  const after = cursors.at(-1);
  const pageIndex = cursors.length - 1;

  const [rows, result] = useQuery(queries.tickets.list(listArgs(filters, status, pageSize, reportTimezone, after)));
  const overview = useAnalytics('overview', { filters });
  const total = overview.data
    ? status === 'open'
      ? overview.data.openTickets
      : status === 'closed'
        ? overview.data.resolvedTickets
        : overview.data.totalTickets
    : undefined;

  const shown = rows.slice(0, pageSize);
  const hasNext = rows.length > pageSize;
  const last = shown.at(-1);
  const nextCursor = hasNext && last && last.createdAt !== null ? { id: last.id, createdAt: last.createdAt } : undefined;
  const nextKey = nextCursor ? JSON.stringify(nextCursor) : undefined;

  useEffect(() => {
    if (!nextKey) return;
    // `view` and `nextKey` stand for the inputs by value, so an equal re-render does not re-preload.
    const { filters, status, pageSize } = JSON.parse(view) as { filters: Filters; status?: ListStatus; pageSize: number };
    const next = JSON.parse(nextKey) as Cursor;
    return zero.preload(queries.tickets.list(listArgs(filters, status, pageSize, reportTimezone, next))).cleanup;
  }, [zero, nextKey, view, reportTimezone]);

  const loading = result.type === 'unknown' && rows.length === 0;
  const error = result.type === 'error' ? (result.error?.message ?? 'The tickets could not be loaded.') : undefined;
  useReportStatus({ loading, refreshing: false, error });

  const csv = useMemo<CsvTable>(
    () => ({
      name: `tickets-page-${pageIndex + 1}`,
      header: ['id', 'title', 'client', 'type', 'assignee', 'priority', 'status', 'created'],
      rows: shown.map((t) => [
        t.id,
        t.title,
        t.client?.clientName ?? '',
        t.ticketType?.typeName ?? '',
        t.assignee?.username ?? '',
        t.priority,
        t.status,
        t.createdAt === null ? '' : new Date(t.createdAt).toISOString(),
      ]),
    }),
    [shown, pageIndex],
  );
  useCsvExport(shown.length > 0 ? csv : undefined);

  if (error) return <ErrorNotice>Tickets could not be loaded: {error}</ErrorNotice>;
  const firstRow = pageIndex * pageSize + 1;
  const move = (next: (Cursor | undefined)[]) => setPaging({ view, cursors: next });

  return (
    <div>
      <div style={{ minHeight: `calc(${pageSize} * 3rem + 2.25rem)` }}>
        {loading ? (
          <Placeholder rows={pageSize} />
        ) : shown.length === 0 ? (
          <EmptyState className="h-40">No tickets match these filters.</EmptyState>
        ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Tickets matching the filters, newest first</caption>
                <thead className="text-xs tracking-wide text-muted uppercase">
                  <tr className="h-9 border-b border-line">
                    <th scope="col" className="px-4 font-medium">#</th>
                    <th scope="col" className="px-4 font-medium">Title</th>
                    <th scope="col" className="px-4 font-medium">Client</th>
                    <th scope="col" className="px-4 font-medium">Assignee</th>
                    <th scope="col" className="px-4 font-medium">Priority</th>
                    <th scope="col" className="px-4 font-medium">Status</th>
                    <th scope="col" className="px-4 font-medium">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((t) => (
                    <tr key={t.id} data-row="" data-ticket-id={t.id} className={`${rowHeight} border-b border-line last:border-0`}>
                      <td className="px-4 text-muted tabular-nums">{t.id}</td>
                      <td className="max-w-80 truncate px-4" title={t.title}>
                        {t.title}
                        <span className="block text-xs text-muted">{t.ticketType?.typeName}</span>
                      </td>
                      <td className="px-4 whitespace-nowrap">{t.client?.clientName ?? '—'}</td>
                      <td className="px-4 whitespace-nowrap">{t.assignee?.username ?? <span className="text-muted">Unassigned</span>}</td>
                      <td className="px-4"><PriorityBadge value={t.priority} /></td>
                      <td className="px-4"><StatusBadge value={t.status} /></td>
                      <td className="px-4 whitespace-nowrap text-muted">
                        {t.createdAt === null ? '—' : <time dateTime={new Date(t.createdAt).toISOString()}>{formatDateTime(t.createdAt)}</time>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
        )}
      </div>
      <Pager
        summary={shown.length === 0 ? '' : showingRange(firstRow, firstRow + shown.length - 1, total)}
        hasPrevious={pageIndex > 0}
        hasNext={nextCursor !== undefined}
        onPrevious={() => move(cursors.slice(0, -1))}
        onNext={() => nextCursor && move([...cursors, nextCursor])}
        label="Ticket pages"
      />
    </div>
  );
}

export function TicketList(props: TicketListAttributes) {
  const [status, setStatus] = useState(statusOf(props.status));
  useEffect(() => setStatus(statusOf(props.status)), [props.status]);
  const pageSize = pageSizeOf(props.pageSize);
  return (
    <WidgetRoot
      {...props}
      widget="ops-ticket-list"
      title="Tickets"
      skeleton={<Placeholder rows={pageSize} />}
      actions={<StatusPicker value={status} onChange={setStatus} />}
    >
      <Tickets status={status} pageSize={pageSize} />
    </WidgetRoot>
  );
}
