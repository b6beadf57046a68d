// /api/analytics/overview: the KPI cards, and the same numbers for the preceding period of equal
// length when the date filter is bounded on both sides.
import { addDays, dayRange, daysBetween, instantRange } from '../../shared/analytics/calendar.ts';
import type { OverviewMetrics, OverviewResponse } from '../../shared/analytics/api.ts';
import { orderStatistics } from './order-stats.ts';
import { hours, ratio, round2, withPredicates, type AnalyticsQuery } from './query.ts';
import { allRows, totals, type Totals } from './totals.ts';

function metrics(t: Totals, median: number | null): OverviewMetrics {
  const csat = ratio(t.ratingSum, t.ratings);
  return {
    totalTickets: t.tickets,
    openTickets: t.open,
    resolvedTickets: t.closed,
    avgResolutionHours: hours(ratio(t.resolutionSecondsSum, t.resolved)),
    medianResolutionHours: hours(median),
    csat: csat === null ? null : round2(csat),
    csatResponses: t.ratings,
  };
}

/** The metrics of each period; both periods' statements go out together (pipelined). */
async function metricsOf(periods: AnalyticsQuery[]): Promise<OverviewMetrics[]> {
  const byAll = await Promise.all(periods.map(async (q) => (await totals(q, null))[0]));
  const medians = await orderStatistics(
    periods.map((q, i) => ({ q, group: null, groups: byAll[i]! })),
    ['median'],
  );
  return periods.map((_, i) => metrics(byAll[i]!.get(allRows)!, medians[i]!.get(allRows)?.median ?? null));
}

export async function overview(q: AnalyticsQuery): Promise<OverviewResponse> {
  const days = q.filters.created ? dayRange(q.filters.created) : {};
  if (days.first === undefined || days.last === undefined) {
    const [current] = await metricsOf([q]);
    return { ...current!, previous: null, previousRange: null };
  }
  const length = daysBetween(days.first, days.last) + 1;
  const previousRange = { from: addDays(days.first, -length), to: addDays(days.first, -1) };
  const before = withPredicates(q, {
    ...q.predicates,
    created: instantRange({ first: previousRange.from, last: previousRange.to }, q.settings.timeZone),
  });
  const [current, previous] = await metricsOf([q, before]);
  return { ...current!, previous: previous!, previousRange };
}
