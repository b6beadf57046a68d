// /api/analytics/ticket-distribution: tickets per type (count and share) and per priority split
// into open and closed. Every type and all four priorities are listed, with zeros.
import type { TicketDistributionResponse } from '../../shared/analytics/api.ts';
import { ticketPriorities } from '../../shared/helpdesk.ts';
import type { AnalyticsQuery } from './query.ts';
import { round2 } from './query.ts';
import { ticketTypes } from './ticket-types.ts';
import { counts } from './totals.ts';

export async function ticketDistribution(q: AnalyticsQuery): Promise<TicketDistributionResponse> {
  const [[byType, byPriority], types] = await Promise.all([
    counts(q, 'ticket_type_id', 'priority'),
    ticketTypes(q),
  ]);
  const total = [...byType.values()].reduce((sum, t) => sum + t.tickets, 0);
  return {
    total,
    byType: types
      .map((t) => {
        const count = byType.get(String(t.id))?.tickets ?? 0;
        return { ticketTypeId: t.id, name: t.name, count, percent: total === 0 ? null : round2((count / total) * 100) };
      })
      .sort((a, b) => b.count - a.count || a.ticketTypeId - b.ticketTypeId),
    byPriority: ticketPriorities.map((priority) => ({
      priority,
      open: byPriority.get(priority)?.open ?? 0,
      closed: byPriority.get(priority)?.closed ?? 0,
    })),
  };
}
