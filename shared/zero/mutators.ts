// Custom mutators (writes). Legacy CRUD is off, so these are the only writes Zero accepts. This file
// holds the client halves (optimistic local writes); server/mutators.ts overrides each with the
// server half that writes Postgres inside the request's RLS transaction.
//
// Tickets, messages and feedback get serial ids from Postgres, which a client cannot know in
// advance, so their client halves write nothing: the rows appear when zero-cache syncs them back.
import { defineMutator, defineMutators } from '@rocicorp/zero';
import { closedStatuses, type TicketStatus } from '../helpdesk.ts';
import { isStaffRole } from '../auth/roles.ts';
import type { ZeroContext } from './context.ts';
import { addMessageArgs, createTicketArgs, leaveFeedbackArgs, updateTicketArgs } from './mutator-args.ts';

export class MutationRefused extends Error {}

export function requireClient(ctx: ZeroContext): { userId: string; clientId: number } {
  if (!ctx || isStaffRole(ctx.role) || ctx.clientId === null) {
    throw new MutationRefused('Only client users can do this.');
  }
  return { userId: ctx.userId, clientId: ctx.clientId };
}

export function requireStaff(ctx: ZeroContext): NonNullable<ZeroContext> {
  if (!ctx || !isStaffRole(ctx.role)) throw new MutationRefused('Only staff can do this.');
  return ctx;
}

/** The timestamps the database trigger will set for a status change, for the optimistic copy. */
export function statusTimestamps(status: TicketStatus, now: number): { resolvedAt: number | null; closedAt: number | null } {
  const closed = (closedStatuses as readonly string[]).includes(status);
  return { resolvedAt: closed ? now : null, closedAt: status === 'closed' ? now : null };
}

export const mutators = defineMutators({
  tickets: {
    create: defineMutator(createTicketArgs, async ({ ctx }) => {
      requireClient(ctx);
    }),
    update: defineMutator(updateTicketArgs, async ({ tx, args, ctx }) => {
      requireStaff(ctx);
      await tx.mutate.tickets.update({
        id: args.ticketId,
        status: args.status,
        priority: args.priority,
        assignedTo: args.assignedTo,
        ...(args.status === undefined ? {} : statusTimestamps(args.status, Date.now())),
      });
    }),
  },
  messages: {
    add: defineMutator(addMessageArgs, async ({ ctx }) => {
      if (!ctx) throw new MutationRefused('Sign in to write messages.');
    }),
  },
  feedback: {
    leave: defineMutator(leaveFeedbackArgs, async ({ ctx }) => {
      requireClient(ctx);
    }),
  },
});
