// Zero's replica ignores Postgres RLS (zero-cache replicates with a privileged role), so every
// synced query narrows its rows here with the same rules as the policies in
// database/schema/policies.ts. test/integration/zero-rls-parity.test.ts proves the two agree.
import { isStaffRole } from '../auth/roles.ts';
import type { ZeroContext } from './context.ts';
import { zql } from './schema.gen.ts';

type Tickets = ReturnType<typeof zql.tickets.where>;
type Clients = ReturnType<typeof zql.clients.where>;
type Payments = ReturnType<typeof zql.payments.where>;
type TeamMembers = ReturnType<typeof zql.teamMembers.where>;
type TicketTypes = ReturnType<typeof zql.ticketTypes.where>;
type ChangeCounters = ReturnType<typeof zql.changeCounters.where>;

/** No identity, no rows (ids are never NULL). */
const nobody = -1;

function clientOf(ctx: ZeroContext): number | 'staff' {
  if (!ctx) return nobody;
  if (isStaffRole(ctx.role)) return 'staff';
  return ctx.clientId ?? nobody;
}

/** Staff: all tickets. Client users: their client's (and so those tickets' messages and feedback). */
export function visibleTickets(q: Tickets, ctx: ZeroContext): Tickets {
  const client = clientOf(ctx);
  return client === 'staff' ? q : q.where('clientId', client);
}

export function visibleClients(q: Clients, ctx: ZeroContext): Clients {
  const client = clientOf(ctx);
  return client === 'staff' ? q : q.where('id', client);
}

export function visiblePayments(q: Payments, ctx: ZeroContext): Payments {
  const client = clientOf(ctx);
  return client === 'staff' ? q : q.where('clientId', client);
}

/** Everyone signed in reads every team member (public columns: the replica has no others). */
export function visibleTeamMembers(q: TeamMembers, ctx: ZeroContext): TeamMembers {
  return ctx ? q : q.where('id', nobody);
}

export function visibleTicketTypes(q: TicketTypes, ctx: ZeroContext): TicketTypes {
  return ctx ? q : q.where('id', nobody);
}

/** The change-counter row staff follow (drizzle/0010_*.sql); a client's row has the client's id. */
export const STAFF_COUNTER_ID = 0;

/** Staff: every counter. Client users: their client's, so no tenant sees another's activity. */
export function visibleChangeCounters(q: ChangeCounters, ctx: ZeroContext): ChangeCounters {
  const client = clientOf(ctx);
  return client === 'staff' ? q : q.where('id', client);
}

/** The counter a viewer follows: staff the staff row, a client user their client's row. */
export function counterIdOf(ctx: ZeroContext): number {
  const client = clientOf(ctx);
  return client === 'staff' ? STAFF_COUNTER_ID : client;
}
