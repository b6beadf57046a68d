// Server halves of the custom mutators: each runs inside the transaction the RLS helper opened for
// the requesting user (server/rls.ts), so Postgres re-checks every write against the policies and
// column privileges. The explicit checks here only make refusals readable; they are not the guard.
import { defineMutator, defineMutators, type Transaction } from '@rocicorp/zero';
import { closedStatuses } from '../shared/helpdesk.ts';
import { addMessageArgs, createTicketArgs, leaveFeedbackArgs, updateTicketArgs } from '../shared/zero/mutator-args.ts';
import { MutationRefused, mutators, requireClient, requireStaff } from '../shared/zero/mutators.ts';
import { isStaffRole } from '../shared/auth/roles.ts';
import type { RlsTransaction } from './rls.ts';

function sqlOf(tx: Transaction): RlsTransaction {
  if (tx.location !== 'server') throw new Error('A server mutator ran outside the server.');
  return tx.dbTransaction.wrappedTransaction;
}

export const serverMutators = defineMutators(mutators, {
  tickets: {
    create: defineMutator(createTicketArgs, async ({ tx, args, ctx }) => {
      const { clientId } = requireClient(ctx);
      const sql = sqlOf(tx);
      const [ticket] = await sql<{ id: number }[]>`
        insert into tickets (client_id, ticket_type_id, priority, title)
        values (${clientId}, ${args.ticketTypeId}, ${args.priority}, ${args.title})
        returning id`;
      if (!ticket) throw new MutationRefused('The ticket could not be created.');
      await sql`insert into ticket_messages (ticket_id, from_client, message_text)
                values (${ticket.id}, true, ${args.message})`;
    }),
    update: defineMutator(updateTicketArgs, async ({ tx, args, ctx }) => {
      requireStaff(ctx);
      const sql = sqlOf(tx);
      // resolved_at / closed_at follow the status by trigger; staff cannot write them directly.
      const changes: Record<string, unknown> = {};
      if (args.status !== undefined) changes.status = args.status;
      if (args.priority !== undefined) changes.priority = args.priority;
      if (args.assignedTo !== undefined) changes.assigned_to = args.assignedTo;
      const updated = await sql`update tickets set ${sql(changes)} where id = ${args.ticketId} returning id`;
      if (updated.length === 0) throw new MutationRefused(`Ticket ${args.ticketId} does not exist.`);
    }),
  },
  messages: {
    add: defineMutator(addMessageArgs, async ({ tx, args, ctx }) => {
      if (!ctx) throw new MutationRefused('Sign in to write messages.');
      const sql = sqlOf(tx);
      const [ticket] = await sql<{ id: number }[]>`select id from tickets where id = ${args.ticketId}`;
      if (!ticket) throw new MutationRefused(`Ticket ${args.ticketId} does not exist.`);
      if (isStaffRole(ctx.role)) {
        if (ctx.teamMemberId === null) throw new MutationRefused('Only team members can reply to tickets.');
        await sql`insert into ticket_messages (ticket_id, from_client, from_team_member_id, message_text)
                  values (${args.ticketId}, false, ${ctx.teamMemberId}, ${args.text})`;
      } else {
        await sql`insert into ticket_messages (ticket_id, from_client, message_text)
                  values (${args.ticketId}, true, ${args.text})`;
      }
    }),
  },
  feedback: {
    leave: defineMutator(leaveFeedbackArgs, async ({ tx, args, ctx }) => {
      requireClient(ctx);
      const sql = sqlOf(tx);
      const [ticket] = await sql<{ status: string | null; has_feedback: boolean }[]>`
        select t.status, exists (select 1 from ticket_feedback f where f.ticket_id = t.id) as has_feedback
        from tickets t where t.id = ${args.ticketId}`;
      if (!ticket) throw new MutationRefused(`Ticket ${args.ticketId} does not exist.`);
      if (!(closedStatuses as readonly (string | null)[]).includes(ticket.status)) {
        throw new MutationRefused('Feedback can only be left once the ticket is resolved or closed.');
      }
      if (ticket.has_feedback) throw new MutationRefused('Feedback was already left for this ticket.');
      await sql`insert into ticket_feedback (ticket_id, rating, feedback_text)
                values (${args.ticketId}, ${args.rating}, ${args.text ?? null})`;
    }),
  },
});
