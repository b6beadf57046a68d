// Row-level security: the brief's access matrix, enforced by Postgres for the two request roles.
// Claims come from app.claims() (set per transaction by the API's RLS helper); without claims every
// predicate below is false or NULL, so a role switch without identity sees and writes nothing.
// Column privileges (drizzle/0004_*.sql) complete this: they decide which columns each role may read
// or write, the policies decide which rows.
//
//  table            staff (agent, manager, admin)         client user
//  clients          read all                               read own client row
//  team_members     read all                               read all, public columns only
//  ticket_types     read all                               read all
//  tickets          read all; update status/priority/      read own; insert own, open, unassigned
//                   assignee
//  ticket_messages  read all; insert as own team member    read on own tickets; insert as the client
//  ticket_feedback  read all                               read on own tickets; insert once on own
//                                                          resolved/closed ticket, rating 1–5
//  payments         read all                               read own
//  change_counters  read all                               read own client's row
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgRole, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  clients,
  payments,
  teamMembers,
  ticketFeedback,
  ticketMessages,
  tickets,
  ticketTypes,
} from './helpdesk.ts';
import { changeCounters } from './live.ts';

export const appClient = pgRole('app_client').existing();
export const appStaff = pgRole('app_staff').existing();

// Each claim helper is wrapped in a scalar subquery: Postgres then evaluates it once per statement
// (an InitPlan) instead of once per row; called bare it is inlined and re-parses the JSON claims
// for every row, which made a 57k-row scan 4× slower.
const isStaff = sql`(SELECT app.is_staff())`;
const currentClient = sql`(SELECT app.current_client_id())`;
const currentTeamMember = sql`(SELECT app.current_team_member_id())`;
const anyClient = sql`(SELECT app.current_client_id()) IS NOT NULL`;
const ticketStatuses = sql`('open', 'in_progress', 'resolved', 'closed')`;
const ticketPriorities = sql`('low', 'medium', 'high', 'urgent')`;

/** The ticket belongs to the requesting client (and, optionally, has one of the given statuses). */
function ownTicket(ticketId: AnyPgColumn, statuses?: SQL): SQL {
  const statusFilter = statuses ? sql` AND t.status IN ${statuses}` : sql``;
  return sql`EXISTS (SELECT 1 FROM tickets t WHERE t.id = ${ticketId} AND t.client_id = ${currentClient}${statusFilter})`;
}

const staffRead = (name: string) => pgPolicy(name, { for: 'select', to: appStaff, using: isStaff });

// drizzle-kit picks up policies exported one by one (not inside arrays), hence one export each.

// clients
export const clientsStaffSelect = staffRead('clients_staff_select').link(clients);
export const clientsClientSelect = pgPolicy('clients_client_select', {
  for: 'select',
  to: appClient,
  using: sql`${clients.id} = ${currentClient}`,
}).link(clients);

// team_members (which columns a client may read: column privileges)
export const teamMembersStaffSelect = staffRead('team_members_staff_select').link(teamMembers);
export const teamMembersClientSelect = pgPolicy('team_members_client_select', {
  for: 'select',
  to: appClient,
  using: anyClient,
}).link(teamMembers);

// ticket_types
export const ticketTypesStaffSelect = staffRead('ticket_types_staff_select').link(ticketTypes);
export const ticketTypesClientSelect = pgPolicy('ticket_types_client_select', {
  for: 'select',
  to: appClient,
  using: anyClient,
}).link(ticketTypes);

// tickets (resolved_at/closed_at follow status by trigger: drizzle/0004_*.sql)
export const ticketsStaffSelect = staffRead('tickets_staff_select').link(tickets);
export const ticketsStaffUpdate = pgPolicy('tickets_staff_update', {
  for: 'update',
  to: appStaff,
  using: isStaff,
  // The provided schema allows NULL status and priority; a row that has one must stay updatable.
  withCheck: sql`${isStaff} AND (${tickets.status} IS NULL OR ${tickets.status} IN ${ticketStatuses})
    AND (${tickets.priority} IS NULL OR ${tickets.priority} IN ${ticketPriorities})`,
}).link(tickets);
export const ticketsClientSelect = pgPolicy('tickets_client_select', {
  for: 'select',
  to: appClient,
  using: sql`${tickets.clientId} = ${currentClient}`,
}).link(tickets);
export const ticketsClientInsert = pgPolicy('tickets_client_insert', {
  for: 'insert',
  to: appClient,
  withCheck: sql`${tickets.clientId} = ${currentClient} AND ${tickets.status} = 'open'
    AND ${tickets.priority} IN ${ticketPriorities} AND ${tickets.assignedTo} IS NULL
    AND ${tickets.resolvedAt} IS NULL AND ${tickets.closedAt} IS NULL`,
}).link(tickets);

// ticket_messages
export const ticketMessagesStaffSelect = staffRead('ticket_messages_staff_select').link(ticketMessages);
export const ticketMessagesStaffInsert = pgPolicy('ticket_messages_staff_insert', {
  for: 'insert',
  to: appStaff,
  withCheck: sql`${isStaff} AND ${ticketMessages.fromClient} IS FALSE
    AND ${ticketMessages.fromTeamMemberId} = ${currentTeamMember}`,
}).link(ticketMessages);
export const ticketMessagesClientSelect = pgPolicy('ticket_messages_client_select', {
  for: 'select',
  to: appClient,
  using: ownTicket(ticketMessages.ticketId),
}).link(ticketMessages);
export const ticketMessagesClientInsert = pgPolicy('ticket_messages_client_insert', {
  for: 'insert',
  to: appClient,
  withCheck: sql`${ticketMessages.fromClient} IS TRUE AND ${ticketMessages.fromTeamMemberId} IS NULL
    AND ${ownTicket(ticketMessages.ticketId)}`,
}).link(ticketMessages);

// ticket_feedback ("once" is the unique constraint on ticket_id)
export const ticketFeedbackStaffSelect = staffRead('ticket_feedback_staff_select').link(ticketFeedback);
export const ticketFeedbackClientSelect = pgPolicy('ticket_feedback_client_select', {
  for: 'select',
  to: appClient,
  using: ownTicket(ticketFeedback.ticketId),
}).link(ticketFeedback);
export const ticketFeedbackClientInsert = pgPolicy('ticket_feedback_client_insert', {
  for: 'insert',
  to: appClient,
  withCheck: sql`${ticketFeedback.rating} BETWEEN 1 AND 5
    AND ${ownTicket(ticketFeedback.ticketId, sql`('resolved', 'closed')`)}`,
}).link(ticketFeedback);

// payments
export const paymentsStaffSelect = staffRead('payments_staff_select').link(payments);
export const paymentsClientSelect = pgPolicy('payments_client_select', {
  for: 'select',
  to: appClient,
  using: sql`${payments.clientId} = ${currentClient}`,
}).link(payments);

// change_counters: staff read every counter (they see all data anyway), a client user their own.
export const changeCountersStaffSelect = staffRead('change_counters_staff_select').link(changeCounters);
export const changeCountersClientSelect = pgPolicy('change_counters_client_select', {
  for: 'select',
  to: appClient,
  using: sql`${changeCounters.id} = ${currentClient}`,
}).link(changeCounters);
