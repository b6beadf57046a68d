// Exact order statistics (min, max, median, p90) of resolution times without sorting the resolved
// tickets. The histogram in the totals says which bucket holds the k-th value and its rank inside
// that bucket; one index walk per wanted value then skips to it, from whichever end of the bucket
// is nearer, over an index that starts with the group column (so a walk never leaves its group).
// Percentiles interpolate like Postgres' percentile_cont: position (n − 1)·p between neighbours.
import type postgres from 'postgres';
import type { AnalyticsQuery } from './query.ts';
import { bucketRange } from './settings.ts';
import type { GroupColumn, GroupKey, Totals } from './totals.ts';

export type Statistic = 'min' | 'max' | 'median' | 'p90';

const fractions: Record<'median' | 'p90', number> = { median: 0.5, p90: 0.9 };

/** The 0-based ranks percentile_cont(p) reads among n values and the weight of the upper one. */
export function percentileRanks(n: number, p: number): { lower: number; upper: number; weight: number } {
  const position = (n - 1) * p;
  return { lower: Math.floor(position), upper: Math.ceil(position), weight: position - Math.floor(position) };
}

function ranksOf(statistic: Statistic, n: number): number[] {
  if (statistic === 'min') return [0];
  if (statistic === 'max') return [n - 1];
  const { lower, upper } = percentileRanks(n, fractions[statistic]);
  return [lower, upper];
}

/** Where the value of overall rank `rank` sits: its bucket, its rank there and the bucket's size. */
export function locate(histogram: number[], rank: number): { bucket: number; rank: number; size: number } {
  let before = 0;
  for (let b = 0; b < histogram.length; b++) {
    const size = histogram[b]!;
    if (rank < before + size) return { bucket: b, rank: rank - before, size };
    before += size;
  }
  throw new Error(`rank ${rank} is beyond the histogram's ${before} values`);
}

interface Walk {
  grp: GroupKey;
  lower: number;
  upper: number;
  skip: number;
}

/** One question for orderStatistics: the groups of `group` in q's scope, with their totals. */
export interface StatisticsRequest {
  q: AnalyticsQuery;
  group: GroupColumn;
  groups: Map<GroupKey, Totals>;
}

function groupMatch(tx: AnalyticsQuery['tx'], group: GroupColumn): postgres.Fragment {
  if (group === null) return tx`true`;
  return group === 'priority' ? tx`f.priority = w.grp` : tx.unsafe(`f.${group} = w.grp::int`);
}

function walksSql(request: StatisticsRequest, part: number, walks: Walk[], descending: boolean): postgres.Fragment {
  const { tx, scope } = request.q;
  // part and direction are numbers and booleans of ours, not input.
  return tx`
    select ${tx.unsafe(`${part}, ${descending}`)}, w.i, v.value
      from unnest(${walks.map((_, i) => i)}::int[], ${walks.map((w) => w.grp)}::text[],
                  ${walks.map((w) => w.lower)}::float8[], ${walks.map((w) => w.upper)}::float8[],
                  ${walks.map((w) => w.skip)}::int[]) as w(i, grp, lower, upper, skip)
      cross join lateral (
        select f.res_s as value from analytics.ticket_facts f
         where ${groupMatch(tx, request.group)} and f.res_s >= w.lower and f.res_s < w.upper and ${scope.facts}
         order by f.res_s ${descending ? tx`desc` : tx`asc`}
        offset w.skip limit 1) v`;
}

/**
 * The wanted statistics (in seconds) of every group except NULL's (null when a group has no
 * resolved ticket), for each request, in order. All walks of all requests are one statement.
 */
export async function orderStatistics<S extends Statistic, const R extends readonly StatisticsRequest[]>(
  requests: R,
  statistics: readonly S[],
): Promise<{ [K in keyof R]: Map<GroupKey, Record<S, number | null>> }> {
  const walkIndex = new Map<string, string>();
  const parts: postgres.Fragment[] = [];
  requests.forEach((request, part) => {
    const lowers = request.q.settings.bucketLowerSeconds;
    const lists: Record<'asc' | 'desc', Walk[]> = { asc: [], desc: [] };
    for (const [key, t] of request.groups) {
      if (t.resolved === 0 || key === 'null') continue;
      for (const rank of new Set(statistics.flatMap((s) => ranksOf(s, t.resolved)))) {
        const at = locate(t.histogram, rank);
        const { lower, upper } = bucketRange(at.bucket, lowers);
        const fromTop = at.rank > (at.size - 1) / 2;
        const list = lists[fromTop ? 'desc' : 'asc'];
        walkIndex.set(`${part}|${key}|${rank}`, `${part}|${fromTop}|${list.length}`);
        list.push({
          grp: key,
          lower: lower ?? -Infinity,
          upper: upper ?? Infinity,
          skip: fromTop ? at.size - 1 - at.rank : at.rank,
        });
      }
    }
    // Only directions with walks: an empty side would still be planned.
    if (lists.asc.length > 0) parts.push(walksSql(request, part, lists.asc, false));
    if (lists.desc.length > 0) parts.push(walksSql(request, part, lists.desc, true));
  });

  const found = new Map<string, number>();
  if (parts.length > 0) {
    const tx = requests[0]!.q.tx;
    const rows = await tx<{ part: number; descending: boolean; i: number; value: number }[]>`
      select * from (${parts.reduce((acc, p) => tx`${acc} union all ${p}`)}) as x(part, descending, i, value)`;
    for (const r of rows) found.set(`${r.part}|${r.descending}|${r.i}`, r.value);
  }

  const results = requests.map((request, part) => {
    const result = new Map<GroupKey, Record<S, number | null>>();
    for (const [key, t] of request.groups) {
      const value = (rank: number): number => {
        const walk = walkIndex.get(`${part}|${key}|${rank}`);
        const v = walk === undefined ? undefined : found.get(walk);
        if (v === undefined) throw new Error(`order statistic ${rank} of group ${key} was not found`);
        return v;
      };
      const statistic = (s: Statistic): number | null => {
        if (t.resolved === 0 || key === 'null') return null;
        if (s === 'min') return value(0);
        if (s === 'max') return value(t.resolved - 1);
        const { lower, upper, weight } = percentileRanks(t.resolved, fractions[s]);
        return value(lower) + weight * (value(upper) - value(lower));
      };
      result.set(key, Object.fromEntries(statistics.map((s) => [s, statistic(s)])) as Record<S, number | null>);
    }
    return result;
  });
  return results as { [K in keyof R]: Map<GroupKey, Record<S, number | null>> };
}
