// Every ticket type, with the resolution time it is expected to take: the rows of the type
// breakdowns (listed even with no ticket) and the deadlines of the overdue counts.
import type { AnalyticsQuery } from './query.ts';

export interface TicketTypeExpectation {
  id: number;
  name: string;
  expectedHours: number | null;
}

export function ticketTypes(q: AnalyticsQuery) {
  return q.tx<TicketTypeExpectation[]>`
    select id, type_name as name, avg_resolution_hours as "expectedHours" from ticket_types order by id`;
}
