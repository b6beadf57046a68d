// Custom mutators (writes). Legacy CRUD is off, so these are the only writes Zero accepts. This file
// holds the client halves (optimistic local writes); server/mutators.ts overrides each with the
// server half that writes Postgres inside the request's RLS transaction.
//
// Tickets, messages and feedback get serial ids from Postgres, which a client cannot know. Their
// optimistic copies carry a negative placeholder id (real ids are positive, so the two never meet)
// and last until the server's confirmation arrives in the same sync as the real rows, which replace
// them. A new ticket also carries the uuid its creator made, so whoever shows it can follow it from
// the copy to the real row (README, "Writes"). Client halves check only what they know for sure
// (who is asking): the local store may not hold the rows a rule depends on, so the server decides.
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

/** Who a message is from: the client, or the staff member's own team member record. */
export function messageAuthor(ctx: ZeroContext): { fromClient: boolean; fromTeamMemberId: number | null } {
  if (!ctx) throw new MutationRefused('Sign in to write messages.');
  if (!isStaffRole(ctx.role)) return { fromClient: true, fromTeamMemberId: null };
  if (ctx.teamMemberId === null) throw new MutationRefused('Only team members can reply to tickets.');
  return { fromClient: false, fromTeamMemberId: ctx.teamMemberId };
}

export function isClosedStatus(status: string | null): boolean {
  return (closedStatuses as readonly (string | null)[]).includes(status);
}

/** The timestamps the database trigger will set for a status change, for the optimistic copy. */
export function statusTimestamps(status: TicketStatus, now: number): { resolvedAt: number | null; closedAt: number | null } {
  return { resolvedAt: isClosedStatus(status) ? now : null, closedAt: status === 'closed' ? now : null };
}

/** A negative id for an optimistic row, the same every time the mutation is replayed. */
export function placeholderId(uuid: string): number {
  return -(Number.parseInt(uuid.replaceAll('-', '').slice(0, 12), 16) + 1);
}

/** A fresh negative id for an optimistic row that has no uuid of its own (messages, feedback). */
function freshPlaceholderId(): number {
  return placeholderId(crypto.randomUUID());
}

export const mutators = defineMutators({
  tickets: {
    create: defineMutator(createTicketArgs, async ({ tx, args, ctx }) => {
      const { clientId } = requireClient(ctx);
      const id = placeholderId(args.uuid);
      const now = Date.now();
      await tx.mutate.tickets.insert({
        id,
        uuid: args.uuid,
        clientId,
        ticketTypeId: args.ticketTypeId,
        priority: args.priority,
        title: args.title,
        status: 'open',
        assignedTo: null,
        createdAt: now,
        resolvedAt: null,
        closedAt: null,
      });
      await tx.mutate.ticketMessages.insert({
        id,
        ticketId: id,
        fromClient: true,
        fromTeamMemberId: null,
        messageText: args.message,
        createdAt: now,
      });
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
    add: defineMutator(addMessageArgs, async ({ tx, args, ctx }) => {
      const author = messageAuthor(ctx);
      await tx.mutate.ticketMessages.insert({
        id: freshPlaceholderId(),
        ticketId: args.ticketId,
        ...author,
        messageText: args.text,
        createdAt: Date.now(),
      });
    }),
  },
  feedback: {
    leave: defineMutator(leaveFeedbackArgs, async ({ tx, args, ctx }) => {
      requireClient(ctx);
      await tx.mutate.ticketFeedback.insert({
        id: freshPlaceholderId(),
        ticketId: args.ticketId,
        rating: args.rating,
        feedbackText: args.text ?? null,
        createdAt: Date.now(),
      });
    }),
  },
});
