// <ops-ticket-list>: the tickets matching the scope's filters, synced live through Zero, newest
// first, a page at a time. Pages are keyset pages (after the last row shown), and the next page is
// preloaded into the local store so "Next" shows it without a round trip. The exact total comes
// from the analytics overview, since ZQL cannot count.
import { useEffect, useMemo, useState } from 'react';
import { TicketRowsPlaceholder } from '../runtime/tickets/ticket-table.tsx';
import { ToolbarChoice } from '../runtime/tickets/ticket-toolbar.tsx';
import { staffTicketsCsv } from '../runtime/tickets/tickets-csv.ts';
import { pageSizeOf, useTicketPages } from '../runtime/tickets/use-ticket-pages.ts';
import { useAnalytics } from '../runtime/analytics-client.ts';
import { formatDateTime } from '../runtime/format.ts';
import { useReportStatus } from '../runtime/status.ts';
import { PriorityBadge, StatusBadge } from '../runtime/ui/badges.tsx';
import { EmptyState, ErrorNotice } from '../runtime/ui/states.tsx';
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

  const csv = useMemo(() => staffTicketsCsv(`tickets-page-${pageIndex + 1}`, shown), [shown, pageIndex]);
  useCsvExport(shown.length > 0 ? csv : undefined);

  if (error) return <ErrorNotice>Tickets could not be loaded: {error}</ErrorNotice>;
  const firstRow = pageIndex * pageSize + 1;

  return (
    <div>
      <div style={{ minHeight: `calc(${pageSize} * 3rem + 2.25rem)` }}>
        {loading ? (
          <TicketRowsPlaceholder rows={pageSize} label="Loading tickets" />
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
  const pageSize = pageSizeOf(props.pageSize, defaultPageSize);
  return (
    <WidgetRoot
      {...props}
      widget="ops-ticket-list"
      zeroContent
      title="Tickets"
      skeleton={<TicketRowsPlaceholder rows={pageSize} label="Loading tickets" />}
      actions={<ToolbarChoice label="Status" value={status} choices={listStatuses} onChange={setStatus} optionLabel={(s) => (s === 'open' ? 'Open' : 'Closed')} />}
    >
      <Tickets status={status} pageSize={pageSize} />
    </WidgetRoot>
  );
}
