// <ops-client-analysis>: clients ranked by ticket volume under the filters, with open tickets, what
// they spent and their latest ticket. Search, sorting and paging happen on the server; the sort
// state is TanStack Table's (manual sorting), the page returns to 1 whenever the question changes.
import {
  createColumnHelper,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { clientSortKeys, type ClientAnalysisRow, type ClientSortKey } from '../../shared/analytics/api.ts';
import { dayOf } from '../../shared/analytics/calendar.ts';
import { useAnalytics } from '../runtime/analytics-client.ts';
import type { CsvTable } from '../runtime/csv.ts';
import { formatCount, formatMoney, humanize } from '../runtime/format.ts';
import { EmptyState, ErrorNotice, Loading, Refreshing, SkeletonBlock } from '../runtime/ui/states.tsx';
import { PlainHeader, SortableHeader } from '../runtime/ui/table-header.tsx';
import { pageCount, PaginationBar } from '../runtime/ui/table-pagination.tsx';
import { useViewState } from '../runtime/view-state.ts';
import { SearchBox, useDebouncedSearch } from '../runtime/ui/search-box.tsx';
import { useCsvExport, useFilters, useWidget } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';

export interface ClientAnalysisAttributes extends WidgetAttributes {
  /** Rows per page, 1–100 (default 20). */
  pageSize?: number;
}

const defaultPageSize = 20;

function pageSizeOf(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? Math.min(100, Math.max(1, Math.round(value))) : defaultPageSize;
}

// ---- Table model (sorting state only; the server sorts) ------------------------------------

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, ClientAnalysisRow>();
const columns = helper.columns([
  helper.accessor('clientName', { id: 'clientName', sortDescFirst: false }),
  helper.accessor('planType', { id: 'planType', enableSorting: false }),
  helper.accessor('totalTickets', { id: 'totalTickets', sortDescFirst: true }),
  helper.accessor('openTickets', { id: 'openTickets', sortDescFirst: true }),
  helper.accessor('totalSpent', { id: 'totalSpent', sortDescFirst: true }),
  helper.accessor('lastTicketAt', { id: 'lastTicketAt', sortDescFirst: true }),
]);

const defaultSorting: SortingState = [{ id: 'totalTickets', desc: true }];

function isSortKey(id: string): id is ClientSortKey {
  return (clientSortKeys as readonly string[]).includes(id);
}

function sortOf(sorting: SortingState): { by: ClientSortKey; direction: 'asc' | 'desc' } {
  const first = sorting[0];
  return first && isSortKey(first.id) ? { by: first.id, direction: first.desc ? 'desc' : 'asc' } : { by: 'totalTickets', direction: 'desc' };
}

const emptyRows: ClientAnalysisRow[] = [];

// ---- Layout --------------------------------------------------------------------------------

const rowRem = 2.5; // h-10
const headerRem = 2.5;
const boxHeight = (pageSize: number) => `${headerRem + pageSize * rowRem}rem`;

/** The table box's placeholder: a header row and a page of rows. */
function ClientRowsSkeleton({ pageSize }: { pageSize: number }) {
  return (
    <>
      <div className="flex h-10 items-center gap-4 border-b border-line px-4">
        <SkeletonBlock className="h-3 w-full" />
      </div>
      {Array.from({ length: pageSize }, (_, i) => (
        <div key={i} className="flex h-10 items-center gap-4 border-b border-line px-4">
          <SkeletonBlock className="h-3 w-6" />
          <SkeletonBlock className="h-3 w-40" />
          <SkeletonBlock className="h-3 flex-1" />
        </div>
      ))}
    </>
  );
}

function ClientSkeleton({ pageSize }: { pageSize: number }) {
  return (
    <Loading label="Loading clients">
      <div className="flex h-14 items-center border-b border-line px-4">
        <SkeletonBlock className="h-8 w-72" />
      </div>
      <div style={{ height: boxHeight(pageSize) }} className="overflow-hidden">
        <ClientRowsSkeleton pageSize={pageSize} />
      </div>
      <div className="flex h-11 items-center border-t border-line px-4">
        <SkeletonBlock className="h-3 w-40" />
      </div>
    </Loading>
  );
}

const sortLabels: Record<ClientSortKey, string> = {
  totalTickets: 'ticket volume',
  openTickets: 'open tickets',
  totalSpent: 'total spent',
  lastTicketAt: 'last ticket',
  clientName: 'client name',
};

function ClientTable({ pageSize }: { pageSize: number }) {
  const { reportTimezone } = useWidget();
  const { filters } = useFilters();
  const { text: search, setText: setSearch, applied: debounced, clear: clearSearch } = useDebouncedSearch();
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);

  const sort = sortOf(sorting);
  // The page belongs to one question (filters, search, sort, page size): a new question starts at 1.
  const question = JSON.stringify([filters, debounced, sort, pageSize]);
  const [page, storePage] = useViewState(question, 1);
  const setPage = (next: number) => storePage(Math.max(1, next));

  const { data, error, loading, refreshing } = useAnalytics('clientAnalysis', { filters, search: debounced, page, pageSize, sort });

  const rows = data?.rows ?? emptyRows;
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => setSorting((old) => functionalUpdate(updater, old)),
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    getRowId: (r) => String(r.clientId),
  });

  // Live changes can shrink the list under the viewer: step back to the last page that exists.
  const total = data?.total ?? 0;
  const beyondEnd = data !== undefined && data.rows.length === 0 && total > 0 && page > 1;
  useEffect(() => {
    if (beyondEnd) storePage(pageCount(total, pageSize));
  }, [beyondEnd, storePage, total, pageSize]);

  const day = useMemo(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: reportTimezone }), [reportTimezone]);

  const first = data ? (data.page - 1) * data.pageSize : 0;
  const csv = useMemo<CsvTable | undefined>(
    () =>
      data && {
        name: `clients-page-${data.page}`,
        header: ['Rank', 'Client', 'Plan', 'Tickets', 'Open', 'Total spent', 'Last ticket'],
        rows: data.rows.map((r, i) => [
          (data.page - 1) * data.pageSize + i + 1,
          r.clientName,
          r.planType === null ? null : humanize(r.planType),
          r.totalTickets,
          r.openTickets,
          r.totalSpent,
          r.lastTicketAt === null ? null : dayOf(new Date(r.lastTicketAt).getTime(), reportTimezone),
        ]),
      },
    [data, reportTimezone],
  );
  useCsvExport(csv);

  // The whole placeholder only for the first load: after a failure the search box stays, so typing
  // a new search does not lose its focus.
  if (loading && !data && !error) return <ClientSkeleton pageSize={pageSize} />;

  const header = (id: ClientSortKey, label: string, title: string, align: 'start' | 'end' = 'end') => {
    const column = table.getColumn(id)!;
    return <SortableHeader label={label} title={title} align={align} direction={column.getIsSorted()} onToggle={() => column.toggleSorting()} />;
  };

  return (
    <div>
      <div className="flex min-h-14 flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-line px-4 py-2">
        <SearchBox label="Search clients" placeholder="Client name" value={search} onChange={setSearch} onClear={clearSearch} />
        <p className="text-xs text-muted" data-sort-summary="">
          {sort.by === 'totalTickets' && sort.direction === 'desc'
            ? 'Ranked by ticket volume'
            : `Sorted by ${sortLabels[sort.by]} (${sort.direction === 'asc' ? 'ascending' : 'descending'})`}
        </p>
      </div>
      {/* Outside the fixed-height box, so it pushes no row out of sight. */}
      {data && error && <ErrorNotice>Could not refresh: {error}</ErrorNotice>}
      {/* contain: the table scrolls inside the widget instead of widening the page. */}
      <div style={{ height: boxHeight(pageSize) }} className="overflow-x-auto overflow-y-hidden [contain:inline-size]">
        {!data ? (
          loading ? (
            <Loading label="Loading clients" className="overflow-hidden">
              <ClientRowsSkeleton pageSize={pageSize} />
            </Loading>
          ) : (
            <ErrorNotice>Clients could not be loaded: {error ?? 'unknown error'}</ErrorNotice>
          )
        ) : (
          <Refreshing active={refreshing}>
            <table className="w-full min-w-[46rem] table-fixed text-sm tabular-nums">
              <caption className="sr-only">
                Clients {debounced ? `whose name contains “${debounced}”, ` : ''}sorted by {sortLabels[sort.by]}, page {data.page}
              </caption>
              <colgroup>
                <col className="w-16" />
                <col />
                <col className="w-32" />
                <col className="w-26" />
                <col className="w-24" />
                <col className="w-34" />
                <col className="w-34" />
              </colgroup>
              <thead>
                <tr className="h-10 border-b border-line">
                  <PlainHeader align="end">
                    Rank
                  </PlainHeader>
                  {header('clientName', 'Client', 'Client name', 'start')}
                  <PlainHeader>Plan</PlainHeader>
                  {header('totalTickets', 'Tickets', 'Tickets under the filters')}
                  {header('openTickets', 'Open', 'Open or in-progress tickets under the filters')}
                  {header('totalSpent', 'Total spent', 'Completed payments minus refunds')}
                  {header('lastTicketAt', 'Last ticket', 'Newest ticket under the filters')}
                </tr>
              </thead>
              <tbody>
                {table.getRowModel().rows.map(({ original: r }, i) => (
                  <tr key={r.clientId} data-row="" data-client-id={r.clientId} className="h-10 border-b border-line">
                    <td data-col="rank" className="px-3 text-right text-muted">
                      {formatCount(first + i + 1)}
                    </td>
                    <td data-col="clientName" className="max-w-64 truncate px-3 font-medium" title={r.clientName}>
                      {r.clientName}
                    </td>
                    <td data-col="planType" className="px-3 whitespace-nowrap">
                      {r.planType === null ? (
                        <span className="text-muted">—</span>
                      ) : (
                        <span className="rounded-full border border-line px-2 py-0.5 text-xs text-muted capitalize">{humanize(r.planType)}</span>
                      )}
                    </td>
                    <td data-col="totalTickets" className="px-3 text-right">
                      {formatCount(r.totalTickets)}
                    </td>
                    <td data-col="openTickets" className="px-3 text-right">
                      {formatCount(r.openTickets)}
                    </td>
                    <td data-col="totalSpent" className={`px-3 text-right whitespace-nowrap ${r.totalSpent < 0 ? 'text-negative' : ''}`}>
                      {formatMoney(r.totalSpent)}
                    </td>
                    <td data-col="lastTicketAt" className="px-3 text-right whitespace-nowrap text-muted">
                      {r.lastTicketAt === null ? '—' : <time dateTime={r.lastTicketAt}>{day.format(new Date(r.lastTicketAt))}</time>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.rows.length === 0 && !beyondEnd && (
              <EmptyState className="flex-col gap-3 py-12">
                {debounced ? (
                  <span>No clients match “{debounced}”. Clear the search to see every client.</span>
                ) : (
                  <span>No tickets match these filters</span>
                )}
              </EmptyState>
            )}
          </Refreshing>
        )}
      </div>
      <PaginationBar page={page} pageSize={pageSize} total={total} onPageChange={setPage} label="Client pages" />
    </div>
  );
}

export function ClientAnalysis(props: ClientAnalysisAttributes) {
  const pageSize = pageSizeOf(props.pageSize);
  return (
    <WidgetRoot {...props} widget="ops-client-analysis" title="Client analysis" skeleton={<ClientSkeleton pageSize={pageSize} />}>
      <ClientTable pageSize={pageSize} />
    </WidgetRoot>
  );
}
