// /api/analytics/overview: the KPI cards, and the same numbers for the preceding period of equal
// length when the date filter is bounded on both sides.
import { addDays, dayRange, daysBetween, instantRange } from '../../shared/analytics/calendar.ts';
import type { OverviewMetrics, OverviewResponse } from '../../shared/analytics/api.ts';
import { orderStatistics } from './order-stats.ts';
import { hours, ratio, round2, withPredicates, type AnalyticsQuery } from './query.ts';
import { allRows, totals } from './totals.ts';

async function metrics(q: AnalyticsQuery): Promise<OverviewMetrics> {
  const [byAll] = await totals(q, null);
  const t = byAll.get(allRows)!;
  const stats = (await orderStatistics(q, null, byAll, ['median'])).get(allRows);
  const csat = ratio(t.ratingSum, t.ratings);
  return {
    totalTickets: t.tickets,
    openTickets: t.open,
    resolvedTickets: t.closed,
    avgResolutionHours: hours(ratio(t.resolutionSecondsSum, t.resolved)),
    medianResolutionHours: hours(stats?.median ?? null),
    csat: csat === null ? null : round2(csat),
    csatResponses: t.ratings,
  };
}

export async function overview(q: AnalyticsQuery): Promise<OverviewResponse> {
  const days = q.filters.created ? dayRange(q.filters.created) : {};
  if (days.first === undefined || days.last === undefined) return { ...(await metrics(q)), previous: null, previousRange: null };
  const length = daysBetween(days.first, days.last) + 1;
  const previousRange = { from: addDays(days.first, -length), to: addDays(days.first, -1) };
  const before = withPredicates(q, {
    ...q.predicates,
    created: instantRange({ first: previousRange.from, last: previousRange.to }, q.settings.timeZone),
  });
  // Both periods' statements go out together on the transaction's connection (pipelined).
  const [current, previous] = await Promise.all([metrics(q), metrics(before)]);
  return { ...current, previous, previousRange };
}
