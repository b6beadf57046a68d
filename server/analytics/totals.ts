// Additive totals over the tickets in scope, optionally per group: whole months come from the
// month cube (cells.ts), partial months from raw facts aggregated to the same shape (per group and
// resolution bucket, then packed), summed together in one query.
import type postgres from 'postgres';
import type { AnalyticsQuery } from './query.ts';
import { cubeCells, type CubeColumn } from './cells.ts';
import { edgeFacts } from './scope.ts';
import { decodeLanes } from './settings.ts';

export type GroupColumn = CubeColumn | null;

export interface Counts {
  tickets: number;
  open: number;
  closed: number;
  /** tickets with resolved_at (those with a resolution time) */
  resolved: number;
  /** tickets still being worked on: no resolved_at and not closed (those can breach a deadline now) */
  unresolved: number;
  resolutionSecondsSum: number;
  ratings: number;
  ratingSum: number;
}

export interface Totals extends Counts {
  /** resolved tickets per resolution-time bucket */
  histogram: number[];
}

export type GroupKey = string;
/** The key of the single group when totals are not grouped. */
export const allRows: GroupKey = '*';

interface Row extends Partial<Record<CubeColumn, string | null>> {
  tickets: number;
  open: number;
  closed: number;
  resolved: number;
  unresolved: number;
  res_sum: number;
  ratings: number;
  rating_sum: number;
  /** packed histogram (see decodeLanes) */
  hist: string | null;
}

export function emptyCounts(): Counts {
  return { tickets: 0, open: 0, closed: 0, resolved: 0, unresolved: 0, resolutionSecondsSum: 0, ratings: 0, ratingSum: 0 };
}

export function emptyTotals(buckets: number): Totals {
  return { ...emptyCounts(), histogram: new Array<number>(buckets).fill(0) };
}

function add(into: Totals, row: Row, histogram: number[] | null): void {
  into.tickets += row.tickets;
  into.open += row.open;
  into.closed += row.closed;
  into.resolved += row.resolved;
  into.unresolved += row.unresolved;
  into.resolutionSecondsSum += row.res_sum;
  into.ratings += row.ratings;
  into.ratingSum += row.rating_sum;
  histogram?.forEach((n, b) => (into.histogram[b]! += n));
}

/**
 * Several breakdowns in one pass: SQL groups by every column any of them needs (at most a few
 * hundred groups), and each breakdown is rolled up from those here. One hash aggregate over the
 * cells instead of one per breakdown, and the partial months are read once.
 */
async function aggregate(
  q: AnalyticsQuery,
  groupings: readonly GroupColumn[],
  withHistogram: boolean,
): Promise<Map<GroupKey, Totals>[]> {
  const { tx, scope, settings } = q;
  const buckets = settings.bucketLowerSeconds.length;
  const columns = [...new Set(groupings.filter((g) => g !== null))];
  const list = (alias: string) => tx.unsafe(columns.map((c) => `, ${alias}${c}::text as ${c}`).join(''));
  const bucket: postgres.Fragment = withHistogram ? tx`f.res_bucket` : tx`null::smallint`;
  const edges = edgeFacts(
    tx,
    scope,
    tx`${bucket} as b, f.is_open, f.is_closed, f.res_s, f.resolved_at, f.rating ${list('f.')}`,
  );
  const edgeKeys = tx.unsafe(['b', ...columns].join(', '));
  // Raw rows are counted per bucket first, then packed like the cells' histograms.
  const edgeRows = edges
    ? tx`union all
         select n, open_n, closed_n, res_n, unresolved_n, res_sum, rating_n, rating_sum,
                coalesce(res_n * analytics.lane_unit(b), 0) ${list('')}
           from (select ${edgeKeys}, count(*)::int as n, sum(is_open)::int as open_n, sum(is_closed)::int as closed_n,
                        count(res_s)::int as res_n,
                        count(*) filter (where resolved_at is null and is_closed = 0)::int as unresolved_n,
                        coalesce(sum(res_s), 0) as res_sum, count(rating)::int as rating_n,
                        coalesce(sum(rating), 0)::int as rating_sum
                   from (${edges}) f
                  group by ${edgeKeys}) e`
    : tx``;
  const cells = cubeCells(
    tx,
    'month_cells',
    q.predicates.sets,
    columns,
    scope.months,
    (sign) => tx`
      ${sign} c.n as n, ${sign} c.open_n as open_n, ${sign} c.closed_n as closed_n, ${sign} c.res_n as res_n,
      ${sign} c.unresolved_n as unresolved_n, ${sign} c.res_sum as res_sum, ${sign} c.rating_n as rating_n,
      ${sign} c.rating_sum as rating_sum, ${withHistogram ? tx`${sign} c.hist` : tx`0::numeric`} as hist ${list('c.')}`,
  );
  const total = (column: string) => tx.unsafe(`coalesce(sum(${column}), 0)::int`);
  const rows = await tx<Row[]>`
    select ${total('n')} as tickets, ${total('open_n')} as open, ${total('closed_n')} as closed,
           ${total('res_n')} as resolved, ${total('unresolved_n')} as unresolved,
           coalesce(sum(res_sum), 0)::float8 as res_sum, ${total('rating_n')} as ratings, ${total('rating_sum')} as rating_sum,
           ${withHistogram ? tx`coalesce(sum(hist), 0)::text` : tx`null::text`} as hist
           ${tx.unsafe(columns.map((c) => `, ${c}`).join(''))}
      from (${cells} ${edgeRows}) x
     ${columns.length > 0 ? tx.unsafe(`group by ${columns.join(', ')}`) : tx``}`;
  const histograms = rows.map((r) => (r.hist === null ? null : decodeLanes(r.hist, buckets, settings.laneDigits)));
  return groupings.map((g) => {
    const result = new Map<GroupKey, Totals>();
    // Without GROUP BY an empty selection still yields its one row of zeros.
    if (g === null) result.set(allRows, emptyTotals(withHistogram ? buckets : 0));
    rows.forEach((r, i) => {
      const key = g === null ? allRows : (r[g] ?? 'null');
      let t = result.get(key);
      if (!t) result.set(key, (t = emptyTotals(withHistogram ? buckets : 0)));
      add(t, r, histograms[i]!);
    });
    return result;
  });
}

type ByGrouping<G extends readonly GroupColumn[], T> = { [K in keyof G]: Map<GroupKey, T> };

/**
 * Counts per value of each grouping column (NULL values under the key "null"; the grouping null
 * gives one entry under `allRows`), in the order asked.
 */
export async function counts<const G extends readonly GroupColumn[]>(q: AnalyticsQuery, ...groupings: G): Promise<ByGrouping<G, Counts>> {
  return (await aggregate(q, groupings, false)) as ByGrouping<G, Counts>;
}

/** Counts plus the resolution-time histogram (what order statistics and overdue counts need). */
export async function totals<const G extends readonly GroupColumn[]>(q: AnalyticsQuery, ...groupings: G): Promise<ByGrouping<G, Totals>> {
  return (await aggregate(q, groupings, true)) as ByGrouping<G, Totals>;
}
