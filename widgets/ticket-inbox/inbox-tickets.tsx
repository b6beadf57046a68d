// The staff queue: every ticket matching the scope's shared filters (the filter bar's), narrowed by
// an exact status and a title search, a keyset page at a time, live.
import { useCallback, useMemo, useState } from 'react';
import type { TicketStatus } from '../../shared/helpdesk.ts';
import type { CsvTable } from '../runtime/csv.ts';
import { formatDateTime, formatWhen } from '../runtime/format.ts';
import { useReportStatus } from '../runtime/status.ts';
import { keyOf, refOf, type TicketRef } from '../runtime/tickets/ticket-detail.tsx';
import { SearchBox, StatusSelect } from '../runtime/tickets/ticket-toolbar.tsx';
import { useTicketPages } from '../runtime/tickets/use-ticket-pages.ts';
import { PriorityBadge, StatusBadge } from '../runtime/ui/badges.tsx';
import { EmptyState, ErrorNotice, Loading, SkeletonRows } from '../runtime/ui/states.tsx';
import { Pager, showingRange } from '../runtime/ui/table-pagination.tsx';
import { useNow } from '../runtime/use-now.ts';
import { useCsvExport, useFilters, useWidget } from '../runtime/widget-context.tsx';

export const rowHeight = 'h-12';

export function InboxPlaceholder({ rows }: { rows: number }) {
  return (
    <Loading label="Loading the inbox">
      <SkeletonRows rows={rows} rowHeight={rowHeight} />
    </Loading>
  );
}

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
  const [search, setSearch] = useState<string>();
  const onSearch = useCallback((text: string | undefined) => setSearch(text), []);
  const view = { filters, timeZone: reportTimezone, ...(status ? { statuses: [status] } : {}), ...(search ? { search } : {}) };
  const { shown, next, pageIndex, goNext, goPrevious, loading, error } = useTicketPages(view, pageSize);
  useReportStatus({ loading, refreshing: false, error });

  const csv = useMemo<CsvTable>(
    () => ({
      name: `inbox-page-${pageIndex + 1}`,
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
  const firstRow = pageIndex * pageSize + 1;

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-2">
        <SearchBox onSearch={onSearch} />
        <StatusSelect value={status} onChange={setStatus} />
      </div>
      <div style={{ minHeight: `calc(${pageSize} * 3rem + 2.25rem)` }}>
        {error ? (
          <ErrorNotice>The inbox could not be loaded: {error}</ErrorNotice>
        ) : loading ? (
          <InboxPlaceholder rows={pageSize} />
        ) : shown.length === 0 ? (
          <EmptyState className="h-40">No tickets match these filters.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Tickets matching the filters, newest first</caption>
              <thead className="text-xs tracking-wide text-muted uppercase">
                <tr className="h-9 border-b border-line">
                  <th scope="col" className="px-4 font-medium">Ticket</th>
                  <th scope="col" className="px-4 font-medium">Assignee</th>
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
                      data-ticket-id={t.id}
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
                          #{t.id} · {t.client?.clientName ?? 'Unknown client'} · {t.ticketType?.typeName}
                        </span>
                      </td>
                      <td className="px-4 whitespace-nowrap">{t.assignee?.username ?? <span className="text-muted">Unassigned</span>}</td>
                      <td className="px-4"><PriorityBadge value={t.priority} /></td>
                      <td className="px-4"><StatusBadge value={t.status} /></td>
                      <td className="px-4 whitespace-nowrap text-muted">
                        {t.createdAt === null ? '—' : (
                          <time dateTime={new Date(t.createdAt).toISOString()} title={formatDateTime(t.createdAt)}>
                            {formatWhen(t.createdAt, now, { dayOnly: true })}
                          </time>
                        )}
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
        label="Inbox pages"
      />
    </div>
  );
}
