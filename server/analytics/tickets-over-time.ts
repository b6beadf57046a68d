// /api/analytics/tickets-over-time: tickets created and resolved per month, week or day, from the
// series cube (per month and filter cell, a packed count for each day). Created counts by
// created_at, resolved by resolved_at, both for the tickets matching the non-date filters; the date
// filter (or the default range) only chooses the periods.
import { addDays, dayRange, daysBetween, monthOf, nextMonth } from '../../shared/analytics/calendar.ts';
import { defaultReportRange, type DayRange, type Granularity, type TicketsOverTimeResponse } from '../../shared/analytics/api.ts';
import { cubeCells } from './cells.ts';
import type { AnalyticsQuery } from './query.ts';
import { decodeLanes } from './settings.ts';

/** The period a day belongs to: its month ("2025-03"), ISO week (its Monday) or the day itself. */
export function periodOf(day: string, granularity: Granularity): string {
  if (granularity === 'month') return day.slice(0, 7);
  if (granularity === 'day') return day;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(range: DayRange, granularity: Granularity): string[] {
  const periods: string[] = [];
  for (let day = range.from; day <= range.to; ) {
    const period = periodOf(day, granularity);
    if (periods.at(-1) !== period) periods.push(period);
    day = granularity === 'month' ? nextMonth(day) : addDays(period, granularity === 'week' ? 7 : 1);
  }
  return periods;
}

/** The filter's days; an open side takes the default range's bound (or the other side's, if that is empty). */
export function seriesRange(q: AnalyticsQuery): DayRange {
  const days = q.filters.created ? dayRange(q.filters.created) : {};
  let from = days.first ?? defaultReportRange.from;
  let to = days.last ?? defaultReportRange.to;
  if (from > to) {
    if (days.first === undefined) from = to;
    else to = from;
  }
  return { from, to };
}

export async function ticketsOverTime(q: AnalyticsQuery, granularity: Granularity): Promise<TicketsOverTimeResponse> {
  const range = seriesRange(q);
  const { tx } = q;
  const months = tx`c.month >= ${monthOf(range.from)}::date and c.month <= ${monthOf(range.to)}::date`;
  const cells = cubeCells(tx, 'series_cells', q.predicates.sets, [], months, (sign) =>
    tx`c.month, ${sign} c.created_days as created, ${sign} c.resolved_days as resolved`,
  );
  const rows = await tx<{ month: string; created: string; resolved: string }[]>`
    select month::text as month, sum(created)::text as created, sum(resolved)::text as resolved
      from (${cells}) x
     group by month`;
  const counts = new Map(periodsBetween(range, granularity).map((p) => [p, { period: p, created: 0, resolved: 0 }]));
  const { laneDigits } = q.settings;
  for (const r of rows) {
    const created = decodeLanes(r.created, 31, laneDigits);
    const resolved = decodeLanes(r.resolved, 31, laneDigits);
    // Only the month's days inside the range; a month's own period needs no day string (lanes past
    // the month's last day are always 0, so none is counted in the next month's period).
    const first = Math.max(0, daysBetween(r.month, range.from));
    const last = Math.min(30, daysBetween(r.month, range.to));
    const month = r.month.slice(0, 7);
    for (let i = first; i <= last; i++) {
      if (created[i] === 0 && resolved[i] === 0) continue;
      const bucket = counts.get(granularity === 'month' ? month : periodOf(addDays(r.month, i), granularity))!;
      bucket.created += created[i]!;
      bucket.resolved += resolved[i]!;
    }
  }
  return { granularity, range, buckets: [...counts.values()] };
}
