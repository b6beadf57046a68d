// The client's own tickets, a keyset page at a time, with status, priority and title filters. Rows
// are keyed by uuid, so a new ticket keeps its place (and its selection) when the server's row
// replaces the optimistic copy.
import { useCallback, useMemo, useState } from 'react';
import { ticketPriorities, type TicketPriority, type TicketStatus } from '../../shared/helpdesk.ts';
import type { CsvTable } from '../runtime/csv.ts';
import { formatDateTime, humanize } from '../runtime/format.ts';
import { useReportStatus } from '../runtime/status.ts';
import { isPending, keyOf, refOf, type TicketRef } from '../runtime/tickets/ticket-detail.tsx';
import { SearchBox, selectClass, StatusSelect } from '../runtime/tickets/ticket-toolbar.tsx';
import { useTicketPages } from '../runtime/tickets/use-ticket-pages.ts';
import { PriorityBadge, StatusBadge } from '../runtime/ui/badges.tsx';
import { EmptyState, ErrorNotice, Loading, SkeletonRows } from '../runtime/ui/states.tsx';
import { Pager, showingRange } from '../runtime/ui/table-pagination.tsx';
import { useCsvExport, useWidget } from '../runtime/widget-context.tsx';

export const rowHeight = 'h-12';

export function PortalPlaceholder({ rows }: { rows: number }) {
  return (
    <Loading label="Loading your tickets">
      <SkeletonRows rows={rows} rowHeight={rowHeight} />
    </Loading>
  );
}

function PrioritySelect({ value, onChange }: { value: TicketPriority | undefined; onChange: (p: TicketPriority | undefined) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      Priority
      <select value={value ?? ''} onChange={(e) => onChange(ticketPriorities.find((p) => p === e.target.value))} className={selectClass}>
        <option value="">All</option>
        {ticketPriorities.map((p) => (
          <option key={p} value={p}>
            {humanize(p)}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Props {
  pageSize: number;
  selected: TicketRef | undefined;
  onSelect: (ticket: TicketRef) => void;
}

export function PortalTickets({ pageSize, selected, onSelect }: Props) {
  const { reportTimezone } = useWidget();
  const [status, setStatus] = useState<TicketStatus>();
  const [priority, setPriority] = useState<TicketPriority>();
  const [search, setSearch] = useState<string>();
  const onSearch = useCallback((text: string | undefined) => setSearch(text), []);
  const view = {
    filters: priority ? { priority: { op: 'is' as const, values: [priority] } } : {},
    timeZone: reportTimezone,
    ...(status ? { statuses: [status] } : {}),
    ...(search ? { search } : {}),
  };
  const { shown, next, pageIndex, goNext, goPrevious, loading, fromCache, error } = useTicketPages(view, pageSize);
  useReportStatus({ loading, refreshing: false, error });

  const csv = useMemo<CsvTable>(
    () => ({
      name: `my-tickets-page-${pageIndex + 1}`,
      header: ['id', 'title', 'type', 'priority', 'status', 'created'],
      rows: shown.map((t) => [
        isPending(t) ? '' : t.id,
        t.title,
        t.ticketType?.typeName ?? '',
        t.priority,
        t.status,
        t.createdAt === null ? '' : new Date(t.createdAt).toISOString(),
      ]),
    }),
    [shown, pageIndex],
  );
  useCsvExport(shown.length > 0 ? csv : undefined);

  const filtered = status !== undefined || priority !== undefined || search !== undefined;
  const firstRow = pageIndex * pageSize + 1;

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-2">
        <SearchBox onSearch={onSearch} />
        <StatusSelect value={status} onChange={setStatus} />
        <PrioritySelect value={priority} onChange={setPriority} />
        {fromCache && <span className="text-xs text-muted" data-from-cache="">Saved copy · updating…</span>}
      </div>
      <div style={{ minHeight: `calc(${pageSize} * 3rem + 2.25rem)` }}>
        {error ? (
          <ErrorNotice>Your tickets could not be loaded: {error}</ErrorNotice>
        ) : loading ? (
          <PortalPlaceholder rows={pageSize} />
        ) : shown.length === 0 ? (
          <EmptyState className="h-40">
            {filtered ? 'No tickets match these filters.' : 'You have no tickets yet. Use "New ticket" to ask for help.'}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your tickets, newest first</caption>
              <thead className="text-xs tracking-wide text-muted uppercase">
                <tr className="h-9 border-b border-line">
                  <th scope="col" className="px-4 font-medium">Ticket</th>
                  <th scope="col" className="px-4 font-medium">Priority</th>
                  <th scope="col" className="px-4 font-medium">Status</th>
                  <th scope="col" className="px-4 font-medium">Created</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((t) => {
                  const key = keyOf(refOf(t));
                  const isSelected = selected !== undefined && keyOf(selected) === key;
                  return (
                  <tr
                    key={key}
                    data-row=""
                    data-ticket-id={isPending(t) ? undefined : t.id}
                    data-pending={isPending(t) ? '' : undefined}
                    aria-selected={isSelected}
                    onClick={() => onSelect(refOf(t))}
                    className={`${rowHeight} cursor-pointer border-b border-line last:border-0 hover:bg-sunken ${isSelected ? 'bg-accent-soft' : ''}`}
                  >
                    <td className="max-w-72 px-4">
                      <button
                        type="button"
                        onClick={(e) => {
                          e.stopPropagation();
                          onSelect(refOf(t));
                        }}
                        className="block w-full truncate text-left font-medium focus-visible:outline-2 focus-visible:outline-accent"
                        title={t.title}
                      >
                        {t.title}
                      </button>
                      <span className="block truncate text-xs text-muted">
                        {isPending(t) ? 'Saving…' : `#${t.id}`} · {t.ticketType?.typeName}
                      </span>
                    </td>
                    <td className="px-4"><PriorityBadge value={t.priority} /></td>
                    <td className="px-4"><StatusBadge value={t.status} /></td>
                    <td className="px-4 whitespace-nowrap text-muted">
                      {t.createdAt === null ? '—' : <time dateTime={new Date(t.createdAt).toISOString()}>{formatDateTime(t.createdAt)}</time>}
                    </td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <Pager
        summary={shown.length === 0 ? '' : showingRange(firstRow, firstRow + shown.length - 1)}
        hasPrevious={pageIndex > 0}
        hasNext={next !== undefined}
        onPrevious={goPrevious}
        onNext={goNext}
        label="Ticket pages"
      />
    </div>
  );
}
