// The paged ticket tables of the portal and the inbox: one layout for loading, failure, nothing and
// rows (space reserved for a full page, so nothing shifts), rows that open a ticket by click or
// keyboard, and the pager. Rows are keyed by the ticket's uuid, so a new ticket keeps its place and
// its selection when the server's row replaces the optimistic copy.
import type { ReactNode } from 'react';
import { EmptyState, ErrorNotice, Loading, SkeletonRows } from '../ui/states.tsx';
import { Pager, showingRange } from '../ui/table-pagination.tsx';
import { isPending, keyOf, refOf, type TicketRef } from './ticket-detail.tsx';
import type { TicketPages } from './use-ticket-pages.ts';

const rowHeight = 'h-12';

type Row = TicketPages['shown'][number];

export interface TicketColumn {
  header: string;
  cell: (ticket: Row) => ReactNode;
  className?: string;
}

export function TicketRowsPlaceholder({ rows, label }: { rows: number; label: string }) {
  return (
    <Loading label={label}>
      <SkeletonRows rows={rows} rowHeight={rowHeight} />
    </Loading>
  );
}

interface Props {
  pages: TicketPages;
  pageSize: number;
  /** What the table lists, for assistive technology ("Your tickets, newest first"). */
  caption: string;
  /** The line under each title (number, client, type). */
  subtitle: (ticket: Row) => ReactNode;
  columns: TicketColumn[];
  selected: TicketRef | undefined;
  onSelect: (ticket: TicketRef) => void;
  empty: string;
  loadingLabel: string;
  /** "Your tickets could not be loaded" and the like; the reason follows. */
  failure: string;
  pagerLabel: string;
}

export function TicketTable({ pages, pageSize, caption, subtitle, columns, selected, onSelect, empty, loadingLabel, failure, pagerLabel }: Props) {
  const { shown, next, pageIndex, goNext, goPrevious, loading, error } = pages;
  const firstRow = pageIndex * pageSize + 1;
  const selectedKey = selected && keyOf(selected);
  return (
    <div>
      <div style={{ minHeight: `calc(${pageSize} * 3rem + 2.25rem)` }}>
        {error ? (
          <ErrorNotice>
            {failure}: {error}
          </ErrorNotice>
        ) : loading ? (
          <TicketRowsPlaceholder rows={pageSize} label={loadingLabel} />
        ) : shown.length === 0 ? (
          <EmptyState className="h-40">{empty}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="text-xs tracking-wide text-muted uppercase">
                <tr className="h-9 border-b border-line">
                  <th scope="col" className="px-4 font-medium">Ticket</th>
                  {columns.map((c) => (
                    <th key={c.header} scope="col" className="px-4 font-medium">
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((t) => {
                  const ref = refOf(t);
                  const isSelected = keyOf(ref) === selectedKey;
                  return (
                    <tr
                      key={keyOf(ref)}
                      data-row=""
                      data-ticket-id={isPending(t) ? undefined : t.id}
                      data-pending={isPending(t) ? '' : undefined}
                      aria-current={isSelected || undefined}
                      onClick={() => onSelect(ref)}
                      className={`${rowHeight} cursor-pointer border-b border-line last:border-0 hover:bg-sunken ${isSelected ? 'bg-accent-soft' : ''}`}
                    >
                      <td className="max-w-72 px-4">
                        {/* The button makes the row reachable by keyboard; the row's click serves the mouse. */}
                        <button
                          type="button"
                          onClick={(e) => {
                            e.stopPropagation();
                            onSelect(ref);
                          }}
                          className="block w-full truncate text-left font-medium focus-visible:outline-2 focus-visible:outline-accent"
                          title={t.title}
                        >
                          {t.title}
                        </button>
                        <span className="block truncate text-xs text-muted">{subtitle(t)}</span>
                      </td>
                      {columns.map((c) => (
                        <td key={c.header} className={`px-4 ${c.className ?? ''}`}>
                          {c.cell(t)}
                        </td>
                      ))}
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
        label={pagerLabel}
      />
    </div>
  );
}
