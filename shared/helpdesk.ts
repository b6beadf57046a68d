// Value sets of the helpdesk data (the provided schema stores them as free text).

export const ticketStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketPriorities = ['low', 'medium', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** Statuses that count as closed in analytics and allow feedback. */
export const closedStatuses = ['resolved', 'closed'] as const satisfies readonly TicketStatus[];

/** Statuses that count as open in analytics (the complement of closedStatuses). */
export const openStatuses = ['open', 'in_progress'] as const satisfies readonly TicketStatus[];
