// <ops-ticket-list>: the tickets matching the scope's filters, synced live through Zero, newest
// first, a page at a time. Pages are keyset pages (after the last row shown), and the next page is
// preloaded into the local store so "Next" shows it without a round trip. The exact total comes
// from the analytics overview, since ZQL cannot count.
import { useEffect, useMemo, useState } from 'react';
import { useTicketPages } from '../runtime/tickets/use-ticket-pages.ts';
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
  const view = { filters, timeZone: reportTimezone, ...(status ? { status } : {}) };
  const { shown, next, pageIndex, goNext, goPrevious, loading, error } = useTicketPages(view, pageSize);
  const overview = useAnalytics('overview', { filters });
  const total = overview.data
    ? status === 'open'
      ? overview.data.openTickets
      : status === 'closed'
        ? overview.data.resolvedTickets
        : overview.data.totalTickets
    : undefined;

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
        hasNext={next !== undefined}
        onPrevious={goPrevious}
        onNext={goNext}
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
