// /api/analytics/team-performance: one row per team member — also those with no ticket under the
// filters — with assigned and resolved (closed) tickets, resolution hours and ratings.
import type { TeamPerformanceResponse } from '../../shared/analytics/api.ts';
import { orderStatistics } from './order-stats.ts';
import type { AnalyticsQuery } from './query.ts';
import { hours, ratio, round2 } from './query.ts';
import { emptyCounts, totals } from './totals.ts';

export async function teamPerformance(q: AnalyticsQuery): Promise<TeamPerformanceResponse> {
  const [[byAssignee], members] = await Promise.all([
    totals(q, 'assigned_to'),
    q.tx<{ id: number; username: string; department: string; status: string | null }[]>`
      select id, username, department, status from team_members order by id`,
  ]);
  const [stats] = await orderStatistics([{ q, group: 'assigned_to', groups: byAssignee }], ['median']);
  return {
    rows: members.map((m) => {
      const t = byAssignee.get(String(m.id)) ?? emptyCounts();
      const rating = ratio(t.ratingSum, t.ratings);
      return {
        teamMemberId: m.id,
        username: m.username,
        department: m.department,
        status: m.status,
        assigned: t.tickets,
        resolved: t.closed,
        avgResolutionHours: hours(ratio(t.resolutionSecondsSum, t.resolved)),
        medianResolutionHours: hours(stats.get(String(m.id))?.median ?? null),
        avgRating: rating === null ? null : round2(rating),
        ratingCount: t.ratings,
      };
    }),
  };
}
