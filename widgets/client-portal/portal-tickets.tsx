// The client's own tickets, a keyset page at a time, with status, priority and title filters.
import { useMemo, useState } from 'react';
import { ticketPriorities, ticketStatuses, type TicketPriority, type TicketStatus } from '../../shared/helpdesk.ts';
import type { CsvTable } from '../runtime/csv.ts';
import { formatDateTime } from '../runtime/format.ts';
import { useReportStatus } from '../runtime/status.ts';
import { isPending, type TicketRef } from '../runtime/tickets/ticket-detail.tsx';
import { TicketTable, type TicketColumn } from '../runtime/tickets/ticket-table.tsx';
import { TitleSearch, ToolbarChoice } from '../runtime/tickets/ticket-toolbar.tsx';
import { useDebouncedSearch } from '../runtime/ui/search-box.tsx';
import { useTicketPages } from '../runtime/tickets/use-ticket-pages.ts';
import { PriorityBadge, StatusBadge } from '../runtime/ui/badges.tsx';
import { primaryButtonClass } from '../runtime/ui/form-controls.tsx';
import { useCsvExport, useWidget } from '../runtime/widget-context.tsx';

const columns: TicketColumn[] = [
  { header: 'Priority', cell: (t) => <PriorityBadge value={t.priority} /> },
  { header: 'Status', cell: (t) => <StatusBadge value={t.status} /> },
  {
    header: 'Created',
    className: 'whitespace-nowrap text-muted',
    cell: (t) => (t.createdAt === null ? '—' : <time dateTime={new Date(t.createdAt).toISOString()}>{formatDateTime(t.createdAt)}</time>),
  },
];

interface Props {
  pageSize: number;
  selected: TicketRef | undefined;
  onSelect: (ticket: TicketRef) => void;
  onNew: () => void;
}

export function PortalTickets({ pageSize, selected, onSelect, onNew }: Props) {
  const { reportTimezone } = useWidget();
  const [status, setStatus] = useState<TicketStatus>();
  const [priority, setPriority] = useState<TicketPriority>();
  const searchBox = useDebouncedSearch();
  const search = searchBox.applied || undefined;
  const view = {
    filters: priority ? { priority: { op: 'is' as const, values: [priority] } } : {},
    timeZone: reportTimezone,
    ...(status ? { statuses: [status] } : {}),
    ...(search ? { search } : {}),
  };
  const pages = useTicketPages(view, pageSize);
  useReportStatus({ loading: pages.loading, refreshing: false, error: pages.error });

  const csv = useMemo<CsvTable>(
    () => ({
      name: `my-tickets-page-${pages.pageIndex + 1}`,
      header: ['id', 'title', 'type', 'priority', 'status', 'created'],
      rows: pages.shown.map((t) => [
        isPending(t) ? '' : t.id,
        t.title,
        t.ticketType?.typeName ?? '',
        t.priority,
        t.status,
        t.createdAt === null ? '' : new Date(t.createdAt).toISOString(),
      ]),
    }),
    [pages.shown, pages.pageIndex],
  );
  useCsvExport(pages.shown.length > 0 ? csv : undefined);
  const filtered = status !== undefined || priority !== undefined || search !== undefined;

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-2">
        <TitleSearch search={searchBox} />
        <ToolbarChoice label="Status" value={status} choices={ticketStatuses} onChange={setStatus} />
        <ToolbarChoice label="Priority" value={priority} choices={ticketPriorities} onChange={setPriority} />
        {pages.fromCache && (
          <span className="text-xs text-muted" data-from-cache="">
            Saved copy · updating…
          </span>
        )}
        <button type="button" className={`${primaryButtonClass} ml-auto py-1 text-xs`} onClick={onNew}>
          New ticket
        </button>
      </div>
      <TicketTable
        pages={pages}
        pageSize={pageSize}
        caption="Your tickets, newest first"
        subtitle={(t) => `${isPending(t) ? 'Saving…' : `#${t.id}`} · ${t.ticketType?.typeName ?? ''}`}
        columns={columns}
        selected={selected}
        onSelect={onSelect}
        empty={filtered ? 'No tickets match these filters.' : 'You have no tickets yet. Use "New ticket" to ask for help.'}
        loadingLabel="Loading your tickets"
        failure="Your tickets could not be loaded"
        pagerLabel="Ticket pages"
      />
    </div>
  );
}
