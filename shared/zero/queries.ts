// Synced queries: the only reads a Zero client can ask for. The server runs the same definitions
// with the identity it derived itself, so the permission filters (permissions.ts) apply on every path.
import { defineQueries, defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import { isTimeZone } from '../analytics/calendar.ts';
import { ticketCondition } from '../analytics/filter-zql.ts';
import { filtersSchema } from '../analytics/filters.ts';
import { ticketPredicates } from '../analytics/predicates.ts';
import { closedStatuses, openStatuses, ticketStatuses } from '../helpdesk.ts';
import './context.ts';
import {
  visibleChangeCounters,
  visibleClients,
  visiblePayments,
  visibleTeamMembers,
  visibleTickets,
  visibleTicketTypes,
} from './permissions.ts';
import { zql } from './schema.gen.ts';

export const RECENT_TICKETS_LIMIT = 20;

/** A ticket by its id, or by the uuid its creator gave it (which its optimistic copy already has). */
const ticketRefArgs = z.union([z.object({ ticketId: z.number().int().positive() }), z.object({ uuid: z.uuid() })]);

export const TITLE_SEARCH_MAX = 100;

/** `text` as a LIKE pattern matching itself anywhere: its own % _ and \ stand for themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const TICKET_PAGE_MAX = 100;

/**
 * A page of tickets matching the shared filter model, newest first. Keyset pagination: `after` is
 * the last row of the previous page, so a page costs the same wherever it is and rows inserted
 * meanwhile do not shift it. Days are counted in `timeZone` (the server's REPORT_TIMEZONE, which
 * widgets read from /api/config); it only moves day boundaries within the rows the viewer may see.
 */
export const ticketListArgs = z.object({
  filters: filtersSchema,
  status: z.enum(['open', 'closed']).optional(),
  /** Exact statuses (the portal's and the inbox's status filter); combines with `status`. */
  statuses: z.array(z.enum(ticketStatuses)).min(1).max(ticketStatuses.length).optional(),
  /** Tickets whose title contains this, ignoring case. */
  search: z.string().trim().min(1).max(TITLE_SEARCH_MAX).optional(),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone'),
  after: z.object({ id: z.number().int().positive(), createdAt: z.number() }).optional(),
  limit: z.number().int().min(1).max(TICKET_PAGE_MAX + 1),
});

export const queries = defineQueries({
  tickets: {
    recent: defineQuery(({ ctx }) =>
      visibleTickets(zql.tickets, ctx)
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(RECENT_TICKETS_LIMIT)
        .related('client')
        .related('ticketType')
        .related('assignee'),
    ),
    list: defineQuery(ticketListArgs, ({ args, ctx }) => {
      const predicates = ticketPredicates(args.filters, args.timeZone);
      let q = visibleTickets(zql.tickets, ctx).where((eb) => ticketCondition(eb, predicates));
      if (args.status) q = q.where('status', 'IN', args.status === 'open' ? openStatuses : closedStatuses);
      if (args.statuses) q = q.where('status', 'IN', args.statuses);
      if (args.search) q = q.where('title', 'ILIKE', containsPattern(args.search));
      q = q.orderBy('createdAt', 'desc').orderBy('id', 'desc');
      if (args.after) q = q.start(args.after);
      return q.limit(args.limit).related('client').related('ticketType').related('assignee');
    }),
    detail: defineQuery(ticketRefArgs, ({ args, ctx }) =>
      visibleTickets(zql.tickets, ctx)
        .where(({ cmp }) => ('uuid' in args ? cmp('uuid', args.uuid) : cmp('id', args.ticketId)))
        .related('client')
        .related('ticketType')
        .related('assignee')
        .related('feedback')
        .related('messages', (m) => m.orderBy('createdAt', 'asc').orderBy('id', 'asc').related('teamMember'))
        .one(),
    ),
  },
  clients: {
    all: defineQuery(({ ctx }) => visibleClients(zql.clients, ctx).orderBy('clientName', 'asc')),
  },
  teamMembers: {
    all: defineQuery(({ ctx }) => visibleTeamMembers(zql.teamMembers, ctx).orderBy('username', 'asc')),
  },
  ticketTypes: {
    all: defineQuery(({ ctx }) => visibleTicketTypes(zql.ticketTypes, ctx).orderBy('typeName', 'asc')),
  },
  payments: {
    all: defineQuery(({ ctx }) => visiblePayments(zql.payments, ctx).orderBy('createdAt', 'desc')),
  },
  /** A change counter (see counterIdOf): widgets refetch their aggregates when its version moves. */
  changes: {
    counter: defineQuery(z.object({ id: z.number().int().min(0) }), ({ args, ctx }) =>
      visibleChangeCounters(zql.changeCounters, ctx).where('id', args.id).one(),
    ),
  },
});
