// Synced queries: the only reads a Zero client can ask for. The server runs the same definitions
// with the identity it derived itself, so the permission filters (permissions.ts) apply on every path.
import { defineQueries, defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
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

const ticketIdArgs = z.object({ ticketId: z.number().int().positive() });

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
    detail: defineQuery(ticketIdArgs, ({ args, ctx }) =>
      visibleTickets(zql.tickets, ctx)
        .where('id', args.ticketId)
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
