// Server halves of the custom mutators: each runs inside the transaction the RLS helper opened for
// the requesting user (server/rls.ts), so Postgres re-checks every write against the policies and
// column privileges. The explicit checks here only make refusals readable; they are not the guard.
import { defineMutator, defineMutators, type Transaction } from '@rocicorp/zero';
import { addMessageArgs, createTicketArgs, leaveFeedbackArgs, updateTicketArgs } from '../shared/zero/mutator-args.ts';
import {
  isClosedStatus,
  messageAuthor,
  MutationRefused,
  mutators,
  requireClient,
  requireStaff,
} from '../shared/zero/mutators.ts';
import type { RlsTransaction } from './rls.ts';

function sqlOf(tx: Transaction): RlsTransaction {
  if (tx.location !== 'server') throw new Error('A server mutator ran outside the server.');
  return tx.dbTransaction.wrappedTransaction;
}

/** The ticket as the caller may see it (RLS hides other clients' tickets: they "do not exist"). */
async function visibleTicket(sql: RlsTransaction, ticketId: number) {
  const [ticket] = await sql<{ status: string | null; has_feedback: boolean }[]>`
    select t.status, exists (select 1 from ticket_feedback f where f.ticket_id = t.id) as has_feedback
    from tickets t where t.id = ${ticketId}`;
  if (!ticket) throw new MutationRefused(`Ticket ${ticketId} does not exist.`);
  return ticket;
}

export const serverMutators = defineMutators(mutators, {
  tickets: {
    create: defineMutator(createTicketArgs, async ({ tx, args, ctx }) => {
      const { clientId } = requireClient(ctx);
      const sql = sqlOf(tx);
      const [type] = await sql`select 1 from ticket_types where id = ${args.ticketTypeId}`;
      if (!type) throw new MutationRefused(`Ticket type ${args.ticketTypeId} does not exist.`);
      // The ticket and its first message commit together or not at all.
      const [ticket] = await sql<{ id: number }[]>`
        insert into tickets (uuid, client_id, ticket_type_id, priority, title)
        values (${args.uuid}, ${clientId}, ${args.ticketTypeId}, ${args.priority}, ${args.title})
        returning id`;
      if (!ticket) throw new MutationRefused('The ticket could not be created.');
      await sql`insert into ticket_messages (ticket_id, from_client, message_text)
                values (${ticket.id}, true, ${args.message})`;
    }),
    update: defineMutator(updateTicketArgs, async ({ tx, args, ctx }) => {
      requireStaff(ctx);
      const sql = sqlOf(tx);
      if (args.assignedTo !== undefined && args.assignedTo !== null) {
        const [member] = await sql`select 1 from team_members where id = ${args.assignedTo}`;
        if (!member) throw new MutationRefused(`Team member ${args.assignedTo} does not exist.`);
      }
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
      const author = messageAuthor(ctx);
      const sql = sqlOf(tx);
      await visibleTicket(sql, args.ticketId);
      // Clients may not name the from_team_member_id column at all (column privilege), not even as null.
      if (author.fromClient) {
        await sql`insert into ticket_messages (ticket_id, from_client, message_text)
                  values (${args.ticketId}, true, ${args.text})`;
      } else {
        await sql`insert into ticket_messages (ticket_id, from_client, from_team_member_id, message_text)
                  values (${args.ticketId}, false, ${author.fromTeamMemberId}, ${args.text})`;
      }
    }),
  },
  feedback: {
    leave: defineMutator(leaveFeedbackArgs, async ({ tx, args, ctx }) => {
      requireClient(ctx);
      const sql = sqlOf(tx);
      const ticket = await visibleTicket(sql, args.ticketId);
      if (!isClosedStatus(ticket.status)) {
        throw new MutationRefused('Feedback can only be left once the ticket is resolved or closed.');
      }
      if (ticket.has_feedback) throw new MutationRefused('Feedback was already left for this ticket.');
      await sql`insert into ticket_feedback (ticket_id, rating, feedback_text)
                values (${args.ticketId}, ${args.rating}, ${args.text ?? null})`;
    }),
  },
});
