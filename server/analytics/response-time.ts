// /api/analytics/response-time: resolution-time statistics per priority and overall (count, min,
// max, exact median and p90, mean), a histogram whose bins fit the data, and expected vs actual
// hours per ticket type with its overdue count.
import type { ResolutionStats, ResponseTimeResponse } from '../../shared/analytics/api.ts';
import { ticketPriorities, type TicketPriority } from '../../shared/helpdesk.ts';
import { orderStatistics, type Statistic } from './order-stats.ts';
import { overdueCounts } from './overdue-counts.ts';
import { ticketTypes } from './ticket-types.ts';
import { hours, ratio, type AnalyticsQuery } from './query.ts';
import { allRows, emptyTotals, totals, type Totals } from './totals.ts';

const statistics = ['min', 'max', 'median', 'p90'] as const;

function stats(t: Totals, q: Record<Statistic, number | null> | undefined): ResolutionStats {
  return {
    count: t.resolved,
    min: hours(q?.min ?? null),
    max: hours(q?.max ?? null),
    median: hours(q?.median ?? null),
    avg: hours(ratio(t.resolutionSecondsSum, t.resolved)),
    p90: hours(q?.p90 ?? null),
  };
}

const hourlyWidths = [1, 2, 3, 4, 6, 8, 12, 24];
const maxBins = 16;

/**
 * Bins over the occupied buckets: hourly buckets (up to 48 h) merged into the narrowest width that
 * keeps at most 16 bins; the coarser buckets above 48 h kept as they are.
 */
export function histogramBins(byPriority: Map<string, Totals>, lowers: number[]): ResponseTimeResponse['histogram'] {
  const occupied = lowers.map((_, b) => ticketPriorities.some((p) => (byPriority.get(p)?.histogram[b] ?? 0) > 0));
  const last = occupied.lastIndexOf(true);
  if (last < 0) return [];
  const hourlyLast = lowers.findIndex((l) => l >= 48 * 3600) - 1;
  const hourlyEnd = Math.min(last, hourlyLast) + 1;
  const width = hourlyWidths.find((w) => Math.ceil(hourlyEnd / w) <= maxBins) ?? 24;
  const edges: [number, number][] = [];
  for (let b = 0; b < hourlyEnd; b += width) edges.push([b, Math.min(b + width, hourlyEnd)]);
  for (let b = hourlyEnd; b <= last; b++) edges.push([b, b + 1]);
  return edges.map(([from, to]) => {
    const count = (p: TicketPriority) => {
      const h = byPriority.get(p)?.histogram ?? [];
      let n = 0;
      for (let b = from; b < to; b++) n += h[b] ?? 0;
      return n;
    };
    const upper = lowers[to];
    return {
      fromHours: lowers[from]! / 3600,
      toHours: upper === undefined ? null : upper / 3600,
      low: count('low'),
      medium: count('medium'),
      high: count('high'),
      urgent: count('urgent'),
    };
  });
}

export async function responseTime(q: AnalyticsQuery): Promise<ResponseTimeResponse> {
  const lowers = q.settings.bucketLowerSeconds;
  const [[byPriority, byType, overall], types] = await Promise.all([
    totals(q, 'priority', 'ticket_type_id', null),
    ticketTypes(q),
  ]);
  const [[priorityStats, overallStats], overdue] = await Promise.all([
    orderStatistics(
      [
        { q, group: 'priority', groups: byPriority },
        { q, group: null, groups: overall },
      ],
      statistics,
    ),
    overdueCounts(q, types, byType),
  ]);
  return {
    byPriority: ticketPriorities.map((priority) => ({
      priority,
      ...stats(byPriority.get(priority) ?? emptyTotals(lowers.length), priorityStats.get(priority)),
    })),
    overall: stats(overall.get(allRows)!, overallStats.get(allRows)),
    histogram: histogramBins(byPriority, lowers),
    byType: types.map((t) => {
      const typeTotals = byType.get(String(t.id)) ?? emptyTotals(lowers.length);
      const counts = overdue.get(t.id);
      return {
        ticketTypeId: t.id,
        name: t.name,
        expectedHours: t.expectedHours,
        avgActualHours: hours(ratio(typeTotals.resolutionSecondsSum, typeTotals.resolved)),
        overdueCount: counts ? counts.resolved + counts.breaching : 0,
      };
    }),
  };
}
