// <ops-team-performance>: every team member (also those with no ticket under the filters) with
// assigned and resolved tickets, resolution hours and ratings. Sorting and per-column filters run
// in the browser (TanStack Table state); the top performers get a badge; a member's name drills
// into their tickets.
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  filterFn_inNumberRange,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import type { TeamPerformanceRow } from '../../shared/analytics/api.ts';
import { useAnalytics } from '../runtime/analytics-client.ts';
import type { CsvTable } from '../runtime/csv.ts';
import { formatCount, formatHours, formatRating, humanize } from '../runtime/format.ts';
import { EmptyState, ErrorNotice, Loading, Refreshing, SkeletonBlock } from '../runtime/ui/states.tsx';
import { RangeFilter, TextFilter, type RangeValue } from '../runtime/ui/table-filters.tsx';
import { PlainHeader, SortableHeader } from '../runtime/ui/table-header.tsx';
import { useCsvExport, useDrill, useFilters } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';

// ---- Top performers ------------------------------------------------------------------------

const topResolvedCount = 3;
const minRatingsForBest = 5;

export const topRule =
  `Top: the ${topResolvedCount} members with the most resolved tickets (at least 1; ties share a place), ` +
  `and the best average rating among members with at least ${minRatingsForBest} ratings. ` +
  'Computed over all members under the page filters, before column filters.';

type TopReason = 'resolved' | 'rating';

/** Who earns the badge and why, over every member the API returned. */
export function topPerformers(rows: readonly TeamPerformanceRow[]): Map<number, TopReason[]> {
  const top = new Map<number, TopReason[]>();
  const add = (id: number, reason: TopReason) => top.set(id, [...(top.get(id) ?? []), reason]);

  const resolved = rows.filter((r) => r.resolved >= 1).sort((a, b) => b.resolved - a.resolved);
  const cut = resolved[Math.min(topResolvedCount, resolved.length) - 1]?.resolved;
  if (cut !== undefined) for (const r of resolved) if (r.resolved >= cut) add(r.teamMemberId, 'resolved');

  const rated = rows.filter((r) => r.ratingCount >= minRatingsForBest && r.avgRating !== null);
  const best = Math.max(...rated.map((r) => r.avgRating ?? -Infinity));
  if (rated.length) for (const r of rated) if (r.avgRating === best) add(r.teamMemberId, 'rating');
  return top;
}

function reasonText(reason: TopReason, row: TeamPerformanceRow): string {
  return reason === 'resolved'
    ? `Top ${topResolvedCount} by resolved tickets (${formatCount(row.resolved)} resolved)`
    : `Best average rating (${formatRating(row.avgRating)} from ${formatCount(row.ratingCount)} ratings)`;
}

// ---- Table model ---------------------------------------------------------------------------

const features = tableFeatures({
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  filterFns: { includesString: filterFn_includesString, inNumberRange: filterFn_inNumberRange },
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});

const helper = createColumnHelper<typeof features, TeamPerformanceRow>();

/** Nulls become undefined so `sortUndefined: 'last'` keeps them at the bottom in both directions. */
const orUndefined = <T,>(value: T | null): T | undefined => (value === null ? undefined : value);

const text = { filterFn: 'includesString', sortFn: 'text', sortUndefined: 'last', sortDescFirst: false } as const;
const numeric = { filterFn: 'inNumberRange', sortFn: 'basic', sortUndefined: 'last', sortDescFirst: true } as const;

/** Numbers as shown (one decimal): range filters and sorting compare what the viewer reads. */
const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

const columns = helper.columns([
  helper.accessor('username', { id: 'member', ...text }),
  helper.accessor('department', { id: 'department', ...text }),
  helper.accessor((r) => (r.status === null ? undefined : humanize(r.status)), { id: 'status', ...text }),
  helper.accessor('assigned', { id: 'assigned', ...numeric }),
  helper.accessor('resolved', { id: 'resolved', ...numeric }),
  helper.accessor((r) => orUndefined(oneDecimal(r.avgResolutionHours)), { id: 'avgResolutionHours', ...numeric }),
  helper.accessor((r) => orUndefined(oneDecimal(r.medianResolutionHours)), { id: 'medianResolutionHours', ...numeric }),
  helper.accessor((r) => orUndefined(oneDecimal(r.avgRating)), { id: 'avgRating', ...numeric }),
  helper.accessor('ratingCount', { id: 'ratingCount', ...numeric }),
]);

type ColumnId = 'member' | 'department' | 'status' | 'assigned' | 'resolved' | 'avgResolutionHours' | 'medianResolutionHours' | 'avgRating' | 'ratingCount';

interface NumericColumn {
  id: Exclude<ColumnId, 'member' | 'department' | 'status'>;
  label: string;
  title: string;
  step: string;
  /** Column width (fixed table layout: widths do not follow the rows shown). */
  width: string;
  show: (r: TeamPerformanceRow) => string;
  /** The CSV value: the number as shown (same rounding), blank for none. */
  csv: (r: TeamPerformanceRow) => number | null;
}

const numericColumns: NumericColumn[] = [
  { id: 'assigned', label: 'Assigned', title: 'Tickets assigned under the filters', step: '1', width: 'w-26', show: (r) => formatCount(r.assigned), csv: (r) => r.assigned },
  { id: 'resolved', label: 'Resolved', title: 'Assigned tickets resolved or closed', step: '1', width: 'w-26', show: (r) => formatCount(r.resolved), csv: (r) => r.resolved },
  {
    id: 'avgResolutionHours',
    label: 'Avg resolution (h)',
    title: 'Mean hours from creation to resolution',
    step: '0.1',
    width: 'w-36',
    show: (r) => formatHours(r.avgResolutionHours),
    csv: (r) => oneDecimal(r.avgResolutionHours),
  },
  {
    id: 'medianResolutionHours',
    label: 'Median resolution (h)',
    title: 'Median hours from creation to resolution',
    step: '0.1',
    width: 'w-36',
    show: (r) => formatHours(r.medianResolutionHours),
    csv: (r) => oneDecimal(r.medianResolutionHours),
  },
  { id: 'avgRating', label: 'Avg rating', title: 'Mean customer rating (1–5)', step: '0.1', width: 'w-24', show: (r) => formatRating(r.avgRating), csv: (r) => oneDecimal(r.avgRating) },
  { id: 'ratingCount', label: 'Ratings', title: 'Number of ratings', step: '1', width: 'w-24', show: (r) => formatCount(r.ratingCount), csv: (r) => r.ratingCount },
];

const csvHeader = ['Member', 'Department', 'Status', ...numericColumns.map((c) => c.label)];

const emptyRows: TeamPerformanceRow[] = [];

// ---- Layout --------------------------------------------------------------------------------

/** The table box holds this many rows before it scrolls, so the widget's height never changes. */
const visibleRows = 15;
const rowHeight = 'h-11';
const headHeight = '7.5rem'; // header row (h-12) + filter row (h-18)
const bodyHeight = `calc(${visibleRows} * 2.75rem + ${headHeight} + 2px)`;
const footerHeight = 'h-16';

function TeamSkeleton() {
  return (
    <Loading label="Loading team performance">
      <div className="flex h-10 items-center border-b border-line px-4">
        <SkeletonBlock className="h-3 w-40" />
      </div>
      <div style={{ height: bodyHeight }} className="overflow-hidden">
        <div style={{ height: headHeight }} className="flex items-center gap-4 border-b border-line px-4">
          <SkeletonBlock className="h-3 w-32" />
          <SkeletonBlock className="h-3 flex-1" />
        </div>
        {Array.from({ length: visibleRows }, (_, i) => (
          <div key={i} className={`${rowHeight} flex items-center gap-4 border-b border-line px-4`}>
            <SkeletonBlock className="h-3 w-36" />
            <SkeletonBlock className="h-3 w-16" />
            <SkeletonBlock className="h-3 flex-1" />
          </div>
        ))}
      </div>
      <div className={`${footerHeight} border-t border-line px-4 py-2`}>
        <SkeletonBlock className="h-3 w-2/3" />
      </div>
    </Loading>
  );
}

const cellButton =
  'rounded text-left font-medium text-ink hover:text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent';

function TeamTable() {
  const { filters } = useFilters();
  const drill = useDrill();
  const { data, error, loading, refreshing } = useAnalytics('teamPerformance', { filters });
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const tableRef = useRef<HTMLTableElement>(null);

  const rows = data?.rows ?? emptyRows;
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    getRowId: (r) => String(r.teamMemberId),
  });
  const visible = table.getRowModel().rows;
  const top = useMemo(() => topPerformers(rows), [rows]);

  const csv = useMemo<CsvTable | undefined>(
    () =>
      data && {
        name: 'team-performance',
        header: csvHeader,
        rows: visible.map(({ original: r }) => [
          r.username,
          r.department,
          r.status === null ? null : humanize(r.status),
          ...numericColumns.map((c) => c.csv(r)),
        ]),
      },
    [data, visible],
  );
  useCsvExport(csv);

  if (loading && !data) return <TeamSkeleton />;
  if (!data) return <ErrorNotice>Team performance could not be loaded: {error ?? 'unknown error'}</ErrorNotice>;

  const column = (id: ColumnId) => table.getColumn(id)!;
  const header = (id: ColumnId, label: string, title: string, align: 'start' | 'end' = 'end') => {
    const c = column(id);
    return <SortableHeader key={id} label={label} title={title} align={align} direction={c.getIsSorted()} onToggle={() => c.toggleSorting()} />;
  };
  const textValue = (id: ColumnId) => {
    const v = column(id).getFilterValue();
    return typeof v === 'string' ? v : '';
  };
  const rangeValue = (id: ColumnId): RangeValue => {
    const v = column(id).getFilterValue();
    return Array.isArray(v) ? [String(v[0] ?? ''), String(v[1] ?? '')] : ['', ''];
  };
  const filtered = columnFilters.length > 0;
  const clearFilters = () => {
    setColumnFilters([]);
    // The button that was clicked goes away with the filters; keep the keyboard user in the table.
    requestAnimationFrame(() => tableRef.current?.querySelector('input')?.focus());
  };
  const noTickets = rows.every((r) => r.assigned === 0);

  return (
    <div>
      {error && <ErrorNotice>Could not refresh: {error}</ErrorNotice>}
      <div className="flex h-10 items-center justify-between gap-3 border-b border-line px-4 text-xs text-muted">
        <p aria-live="polite" data-summary="">
          {filtered
            ? `${formatCount(visible.length)} of ${formatCount(rows.length)} members match the column filters`
            : `${formatCount(rows.length)} members`}
          {noTickets && <span> · No tickets match these filters</span>}
        </p>
        {/* In the empty state the button sits in the message instead (one button, one name). */}
        {filtered && visible.length > 0 && (
          <button
            type="button"
            onClick={clearFilters}
            className="rounded-md border border-line px-2 py-0.5 text-xs text-muted hover:bg-accent-soft hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
          >
            Clear column filters
          </button>
        )}
      </div>
      <Refreshing active={refreshing}>
        {/* contain: the table scrolls inside the widget instead of widening the page. */}
        <div style={{ height: bodyHeight }} className="overflow-auto [contain:inline-size]">
          <table ref={tableRef} className="w-full min-w-[58rem] table-fixed text-sm tabular-nums">
            <caption className="sr-only">Team members with their tickets, resolution hours and ratings. {topRule}</caption>
            <colgroup>
              <col />
              <col className="w-24" />
              {numericColumns.map((c) => (
                <col key={c.id} className={c.width} />
              ))}
            </colgroup>
            <thead className="sticky top-0 z-10 bg-surface">
              <tr className="h-12 border-b border-line">
                {header('member', 'Member', 'Username; the department is shown below it', 'start')}
                {header('status', 'Status', 'Team member status', 'start')}
                {numericColumns.map((c) => header(c.id, c.label, c.title))}
              </tr>
              <tr className="h-18 border-b border-line" data-filter-row="">
                <PlainHeader className="py-1.5">
                  <div className="flex max-w-60 flex-col gap-1">
                    <TextFilter
                      label="Member"
                      placeholder="Member…"
                      value={textValue('member')}
                      onChange={(v) => column('member').setFilterValue(v)}
                    />
                    <TextFilter
                      label="Department"
                      placeholder="Dept…"
                      value={textValue('department')}
                      onChange={(v) => column('department').setFilterValue(v)}
                    />
                  </div>
                </PlainHeader>
                <PlainHeader className="py-1.5 align-top">
                  <TextFilter label="Status" placeholder="Status…" value={textValue('status')} onChange={(v) => column('status').setFilterValue(v)} />
                </PlainHeader>
                {numericColumns.map((c) => (
                  <PlainHeader key={c.id} align="end" className="py-1.5 align-top">
                    <RangeFilter label={c.label} step={c.step} value={rangeValue(c.id)} onChange={(v) => column(c.id).setFilterValue(v)} />
                  </PlainHeader>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map(({ original: r }) => {
                const reasons = top.get(r.teamMemberId);
                const why = reasons?.map((reason) => reasonText(reason, r)).join('; ');
                return (
                  <tr key={r.teamMemberId} data-row="" data-member-id={r.teamMemberId} data-top={reasons?.join(' ')} className={`${rowHeight} border-b border-line`}>
                    <td data-col="member" className="truncate px-3 py-1">
                      <div className="flex items-center gap-2">
                        <div className="min-w-0 leading-tight">
                          <button
                            type="button"
                            className={cellButton}
                            title={`Show ${r.username}'s tickets`}
                            onClick={() => drill({ assignee: { op: 'is', ids: [r.teamMemberId] } }, `Assignee: ${r.username}`)}
                          >
                            {r.username}
                          </button>
                          <span className="block text-xs text-muted" data-col="department">
                            {humanize(r.department)}
                          </span>
                        </div>
                        {why && (
                          <span
                            data-top-badge=""
                            title={why}
                            className="rounded-full bg-accent-soft px-1.5 py-0.5 text-[0.65rem] font-semibold tracking-wide text-accent uppercase"
                          >
                            Top<span className="sr-only">: {why}</span>
                          </span>
                        )}
                      </div>
                    </td>
                    <td data-col="status" className="px-3 whitespace-nowrap text-muted">
                      {r.status === null ? '—' : humanize(r.status)}
                    </td>
                    {numericColumns.map((c) => (
                      <td key={c.id} data-col={c.id} className="px-3 text-right whitespace-nowrap">
                        {c.show(r)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {visible.length === 0 && (
            <EmptyState className="flex-col gap-3 py-12">
              <span>{rows.length === 0 ? 'No tickets match these filters' : 'No team members match these column filters'}</span>
              {filtered && (
                <button
                  type="button"
                  onClick={clearFilters}
                  className="rounded-md border border-line px-3 py-1 text-xs text-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-accent"
                >
                  Clear column filters
                </button>
              )}
            </EmptyState>
          )}
        </div>
      </Refreshing>
      <p className={`${footerHeight} flex items-start gap-2 border-t border-line px-4 py-2 text-xs text-muted`}>
        <span className="rounded-full bg-accent-soft px-1.5 py-0.5 text-[0.65rem] font-semibold tracking-wide text-accent uppercase" aria-hidden="true">
          Top
        </span>
        <span>{topRule}</span>
      </p>
    </div>
  );
}

export function TeamPerformance(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-team-performance" title="Team performance" skeleton={<TeamSkeleton />}>
      <TeamTable />
    </WidgetRoot>
  );
}
