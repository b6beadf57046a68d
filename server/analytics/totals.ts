// Additive totals over the tickets in scope, optionally per group, in one statement: whole months
// come from the month cube (cells.ts), summed per group; partial months from raw facts, per group
// and resolution bucket. The two kinds of rows are added up here.
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
  /** packed histogram (see decodeLanes), on rows of cells */
  hist: string | null;
  /** on a row of partial-month tickets: the histogram bucket of all its resolved ones */
  b: number | null;
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
  if (row.b !== null && into.histogram.length > 0) into.histogram[row.b]! += row.resolved;
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
  const groupBy = (keys: string[]) => (keys.length > 0 ? tx.unsafe(`group by ${keys.join(', ')}`) : tx``);
  const groupColumns = tx.unsafe(columns.map((c) => `, ${c}`).join(''));
  // Partial-month rows come back per group and bucket and are added to the histograms here:
  // packing them in SQL meant a multiplication and a sum of numbers hundreds of digits long per
  // group and bucket, which cost more than sending the rows.
  const edgeRows = edges
    ? tx`union all
         select count(*)::int, sum(is_open)::int, sum(is_closed)::int, count(res_s)::int,
                count(*) filter (where resolved_at is null and is_closed = 0)::int,
                coalesce(sum(res_s), 0)::float8, count(rating)::int, coalesce(sum(rating), 0)::int,
                null::text, b ${groupColumns}
           from (${edges}) f
          ${groupBy(['b', ...columns])}`
    : tx``;
  // Without GROUP BY the cells' part yields its one row of zeros even for an empty selection.
  const rows = await tx<Row[]>`
    select ${total('n')} as tickets, ${total('open_n')} as open, ${total('closed_n')} as closed,
           ${total('res_n')} as resolved, ${total('unresolved_n')} as unresolved,
           coalesce(sum(res_sum), 0)::float8 as res_sum, ${total('rating_n')} as ratings, ${total('rating_sum')} as rating_sum,
           ${withHistogram ? tx`coalesce(sum(hist), 0)::text` : tx`null::text`} as hist, null::smallint as b ${groupColumns}
      from (${cells}) x
     ${groupBy(columns)}
    ${edgeRows}`;
  const histograms = rows.map((r) => (r.hist === null ? null : decodeLanes(r.hist, buckets, settings.laneDigits)));
  return groupings.map((g) => {
    const result = new Map<GroupKey, Totals>();
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
