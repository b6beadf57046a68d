// The staff queue: every ticket matching the scope's shared filters (the filter bar's), narrowed by
// an exact status (open by default) and a title search, a keyset page at a time, live.
import { useMemo, useState } from 'react';
import { ticketStatuses, type TicketStatus } from '../../shared/helpdesk.ts';
import { formatDateTime, formatWhen } from '../runtime/format.ts';
import { useReportStatus } from '../runtime/status.ts';
import type { TicketRef } from '../runtime/tickets/ticket-detail.tsx';
import { TicketTable, type TicketColumn } from '../runtime/tickets/ticket-table.tsx';
import { TitleSearch, ToolbarChoice } from '../runtime/tickets/ticket-toolbar.tsx';
import { useDebouncedSearch } from '../runtime/ui/search-box.tsx';
import { staffTicketsCsv } from '../runtime/tickets/tickets-csv.ts';
import { useTicketPages } from '../runtime/tickets/use-ticket-pages.ts';
import { PriorityBadge, StatusBadge } from '../runtime/ui/badges.tsx';
import { useNow } from '../runtime/use-now.ts';
import { useCsvExport, useFilters, useWidget } from '../runtime/widget-context.tsx';

interface Props {
  pageSize: number;
  selected: TicketRef | undefined;
  onSelect: (ticket: TicketRef) => void;
}

export function InboxTickets({ pageSize, selected, onSelect }: Props) {
  const { reportTimezone } = useWidget();
  const { filters } = useFilters();
  const now = useNow();
  const [status, setStatus] = useState<TicketStatus | undefined>('open');
  const searchBox = useDebouncedSearch();
  const search = searchBox.applied || undefined;
  const view = { filters, timeZone: reportTimezone, ...(status ? { statuses: [status] } : {}), ...(search ? { search } : {}) };
  const pages = useTicketPages(view, pageSize);
  useReportStatus({ loading: pages.loading, refreshing: false, error: pages.error });
  const csv = useMemo(() => staffTicketsCsv(`inbox-page-${pages.pageIndex + 1}`, pages.shown), [pages.shown, pages.pageIndex]);
  useCsvExport(pages.shown.length > 0 ? csv : undefined);

  const columns: TicketColumn[] = [
    { header: 'Assignee', className: 'whitespace-nowrap', cell: (t) => t.assignee?.username ?? <span className="text-muted">Unassigned</span> },
    { header: 'Priority', cell: (t) => <PriorityBadge value={t.priority} /> },
    { header: 'Status', cell: (t) => <StatusBadge value={t.status} /> },
    {
      header: 'Created',
      className: 'whitespace-nowrap text-muted',
      cell: (t) =>
        t.createdAt === null ? (
          '—'
        ) : (
          <time dateTime={new Date(t.createdAt).toISOString()} title={formatDateTime(t.createdAt)}>
            {formatWhen(t.createdAt, now, { dayOnly: true })}
          </time>
        ),
    },
  ];

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-2">
        <TitleSearch search={searchBox} />
        <ToolbarChoice label="Status" value={status} choices={ticketStatuses} onChange={setStatus} />
      </div>
      <TicketTable
        pages={pages}
        pageSize={pageSize}
        caption="Tickets matching the filters, newest first"
        subtitle={(t) => `#${t.id} · ${t.client?.clientName ?? 'Unknown client'} · ${t.ticketType?.typeName ?? ''}`}
        columns={columns}
        selected={selected}
        onSelect={onSelect}
        empty="No tickets match these filters."
        loadingLabel="Loading the inbox"
        failure="The inbox could not be loaded"
        pagerLabel="Inbox pages"
      />
    </div>
  );
}
