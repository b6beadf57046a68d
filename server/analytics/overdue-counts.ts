// How many tickets of each type are overdue: resolved ones whose resolution time exceeded the
// type's expected hours, plus unresolved ones (no resolved_at, not closed) already older than that
// ("breaching now").
// Resolved: the histogram's whole buckets above the threshold, plus an exact count inside the one
// bucket the threshold falls into. Breaching: the unresolved tickets in scope minus those created
// too recently to breach (or with no creation time), a short index range per type.
import type { AnalyticsQuery } from './query.ts';
import { bucketOf, bucketRange } from './settings.ts';
import type { TicketTypeExpectation } from './ticket-types.ts';
import type { GroupKey, Totals } from './totals.ts';

export interface OverdueCount {
  resolved: number;
  breaching: number;
}

interface Straddle {
  type: number;
  above: number;
  below: number;
}

interface Deadline {
  type: number;
  seconds: number;
}

export async function overdueCounts(
  q: AnalyticsQuery,
  types: TicketTypeExpectation[],
  byType: Map<GroupKey, Totals>,
): Promise<Map<number, OverdueCount>> {
  const lowers = q.settings.bucketLowerSeconds;
  const result = new Map<number, OverdueCount>(types.map((t) => [t.id, { resolved: 0, breaching: 0 }]));
  const straddles: Straddle[] = [];
  const deadlines: Deadline[] = [];
  for (const t of types) {
    const totals = byType.get(String(t.id));
    if (t.expectedHours === null || !totals) continue;
    const threshold = t.expectedHours * 3600;
    const bucket = bucketOf(threshold, lowers);
    result.set(t.id, {
      resolved: totals.histogram.slice(bucket + 1).reduce((a, b) => a + b, 0),
      breaching: totals.unresolved,
    });
    if (totals.histogram[bucket]! > 0) {
      straddles.push({ type: t.id, above: threshold, below: bucketRange(bucket, lowers).upper ?? Infinity });
    }
    if (totals.unresolved > 0) deadlines.push({ type: t.id, seconds: threshold });
  }
  if (straddles.length + deadlines.length === 0) return result;

  const { tx, scope } = q;
  const rows = await tx<{ type: number; resolved: number; recent: number }[]>`
    select s.type, r.n as resolved, 0 as recent
      from unnest(${straddles.map((s) => s.type)}::int[], ${straddles.map((s) => s.above)}::float8[],
                  ${straddles.map((s) => s.below)}::float8[]) as s(type, above, below)
      cross join lateral (
        select count(*)::int as n from analytics.ticket_facts f
         where f.ticket_type_id = s.type and f.res_s > s.above and f.res_s < s.below and ${scope.facts}) r
    union all
    select u.type, 0, r.n
      from (select d.type, now() - make_interval(secs => d.seconds) as cutoff
              from unnest(${deadlines.map((d) => d.type)}::int[], ${deadlines.map((d) => d.seconds)}::float8[]) as d(type, seconds)) u
      cross join lateral (
        select (select count(*) from analytics.ticket_facts f
                 where f.resolved_at is null and f.is_closed = 0 and f.ticket_type_id = u.type
                   and f.created_at >= u.cutoff and ${scope.facts})
             + (select count(*) from analytics.ticket_facts f
                 where f.resolved_at is null and f.is_closed = 0 and f.ticket_type_id = u.type
                   and f.created_at is null and ${scope.facts})
               as n) r`;
  for (const r of rows) {
    const counts = result.get(r.type)!;
    counts.resolved += r.resolved;
    counts.breaching -= r.recent;
  }
  return result;
}
