// The isolation matrix of issue 3: the seven helpdesk tables × {client A, client B, agent, manager,
// admin, anonymous, disabled} × {SQL under the RLS helper, HTTP API, Zero query, Zero mutator}.
// Every cell compares with an independent plain query on the superuser connection (what the access
// matrix in database/schema/policies.ts says the user may have), or asserts a refusal and that
// nothing changed. The HTTP column is GET /api/me (identity + own client / team member, read under
// RLS) and the analytics endpoints (staff only: every ticket for staff, 403 for clients).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Sql } from '../../database/client.ts';
import { helpdeskTables, type HelpdeskTable } from '../../database/schema/helpdesk.ts';
import { createRls, type RlsTransaction, type WithRls } from '../../server/rls.ts';
import { analyticsPaths } from '../../shared/analytics/api.ts';
import type { AuthContext } from '../../shared/auth/roles.ts';
import { mutators } from '../../shared/zero/mutators.ts';
import { queries } from '../../shared/zero/queries.ts';
import { startApiStack, type ApiStack, type SignedIn } from '../support/api-stack.ts';
import { changes, idsOf, snapshot, type TableChanges } from '../support/isolation-rows.ts';
import {
  connectionState,
  createLyingZero,
  lyingZeros,
  postMutate,
  postQuery,
  pushRequestBody,
  queryRequestBody,
  syncedRows,
  type Claim,
  type LyingZero,
} from '../support/isolation-zero.ts';

const emails = {
  clientA: 'admin@techstart.com',
  clientB: 'contact@growthco.io',
  agent: 'john.smith@company.com',
  manager: 'emily.brown@company.com',
  admin: 'admin@company.com',
  // A support agent: were the refusal missing, a disabled employee would see everything.
  disabled: 'david.lee@company.com',
} as const;
type ActiveUser = 'clientA' | 'clientB' | 'agent' | 'manager' | 'admin';
const activeUsers: readonly ActiveUser[] = ['clientA', 'clientB', 'agent', 'manager', 'admin'];
const CLIENT_A = 1;
const CLIENT_B = 2;

let stack: ApiStack;
let su: Sql;
let runtime: Sql;
let withRls: WithRls;
let zeros: ReturnType<typeof lyingZeros>;
const users = {} as Record<ActiveUser | 'disabled', SignedIn>;

/** Whose rows a user may read: one client's, or everything (staff). */
type Scope = { clientId: number } | 'all';
function scopeOf(user: ActiveUser): Scope {
  const me = users[user].me;
  return me.role === 'client' ? { clientId: me.clientId! } : 'all';
}

beforeAll(async () => {
  stack = await startApiStack('isolation', { tickets: 800, seed: 23 });
  su = stack.db.sql;
  runtime = connect(stack.config.postgres.runtimeUrl!, { max: 4 });
  withRls = createRls(runtime);
  zeros = lyingZeros(stack.config.urls.zero);
  for (const [key, email] of Object.entries(emails)) {
    users[key as keyof typeof emails] = await stack.signIn(email);
  }
  // Signed in while active, so its session token exists; from now on every path must refuse it.
  await su`update users set status = 'disabled' where email = ${emails.disabled}`;
});

afterAll(async () => {
  await zeros?.closeAll();
  await runtime?.end({ timeout: 5 });
  await stack?.stop();
});

// ---------------------------------------------------------------------------------------------
// Independent expectations: plain SQL as superuser, filters written out from the access matrix.

function ownIds(table: HelpdeskTable, clientId: number): Promise<{ id: number }[]> {
  switch (table) {
    case 'clients':
      return su`select id from clients where id = ${clientId} order by id`;
    case 'team_members':
    case 'ticket_types':
      return su`select id from ${su(table)} order by id`;
    case 'tickets':
    case 'payments':
      return su`select id from ${su(table)} where client_id = ${clientId} order by id`;
    case 'ticket_messages':
    case 'ticket_feedback':
      return su`select x.id from ${su(table)} x join tickets t on t.id = x.ticket_id
                where t.client_id = ${clientId} order by x.id`;
  }
}

async function expectedIds(table: HelpdeskTable, scope: Scope): Promise<number[]> {
  if (scope !== 'all') return idsOf(await ownIds(table, scope.clientId));
  return idsOf(await su<{ id: number }[]>`select id from ${su(table)} order by id`);
}

interface PgError {
  code: string;
  message: string;
}

function isPgError(err: unknown): err is PgError {
  return typeof err === 'object' && err !== null && 'code' in err && 'severity' in err && typeof err.code === 'string';
}

/** The Postgres error `work` fails with; a test failure if it succeeds. */
async function pgRefusal(work: () => Promise<unknown>): Promise<PgError> {
  try {
    await work();
  } catch (err) {
    if (isPgError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected Postgres to refuse, but the statement succeeded');
}

/** Thrown to roll back a helper transaction after a successful write was inspected. */
class Rollback<T> extends Error {
  readonly value: T;
  constructor(value: T) {
    super('rollback');
    this.value = value;
  }
}

async function rolledBack<T>(auth: AuthContext, work: (tx: RlsTransaction) => Promise<T>): Promise<T> {
  try {
    await withRls(auth, async (tx) => {
      throw new Rollback(await work(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('unreachable: the transaction always rolls back');
}

async function firstId(rows: Promise<{ id: number }[]>): Promise<number> {
  const [row] = await rows;
  if (!row) throw new Error('fixture query found no row');
  return row.id;
}

// ---------------------------------------------------------------------------------------------

describe('identities', () => {
  it('each demo account signs in as the user the users table says', async () => {
    for (const [key, email] of Object.entries(emails)) {
      const [row] = await su<AuthContext[]>`
        select id as "userId", role, client_id as "clientId", team_member_id as "teamMemberId"
        from users where email = ${email}`;
      expect(users[key as keyof typeof emails].me, key).toEqual(row);
    }
    expect(users.clientA.me.clientId).toBe(CLIENT_A);
    expect(users.clientB.me.clientId).toBe(CLIENT_B);
    expect(users.agent.me.role).toBe('agent');
    expect(users.manager.me.role).toBe('manager');
    expect(users.admin.me).toMatchObject({ role: 'admin', clientId: null, teamMemberId: null });
    expect(users.disabled.me.role).toBe('agent');
  });
});

describe('SQL under the RLS helper', () => {
  const cells = activeUsers.flatMap((user) => helpdeskTables.map((table) => [user, table] as const));

  it.each(cells)('%s selects exactly its rows of %s', async (user, table) => {
    const got = await withRls(users[user].me, (tx) => tx<{ id: number }[]>`select id from ${tx(table)} order by id`);
    const expected = await expectedIds(table, scopeOf(user));
    expect(idsOf(got)).toEqual(expected);
  });

  it.each(['clientA', 'clientB'] as const)('%s cannot read team members’ email (column privilege)', async (user) => {
    const err = await pgRefusal(() => withRls(users[user].me, (tx) => tx`select email from team_members`));
    expect(err).toMatchObject({ code: '42501', message: 'permission denied for table team_members' });
    const publicColumns = await withRls(
      users[user].me,
      (tx) => tx`select id, username, department, status from team_members order by id`,
    );
    expect(publicColumns).toEqual(await su`select id, username, department, status from team_members order by id`);
  });

  it.each(['agent', 'manager', 'admin'] as const)('%s reads team members’ email', async (user) => {
    const got = await withRls(users[user].me, (tx) => tx`select id, email from team_members order by id`);
    expect(got).toEqual(await su`select id, email from team_members order by id`);
  });

  describe('anonymous (no claims)', () => {
    it.each(helpdeskTables)('the runtime login role alone is refused %s (fails closed)', async (table) => {
      const err = await pgRefusal(() => runtime`select id from ${runtime(table)}`);
      expect(err).toMatchObject({ code: '42501', message: `permission denied for table ${table}` });
    });

    const roleCells = (['app_client', 'app_staff'] as const).flatMap((role) => helpdeskTables.map((t) => [role, t] as const));
    it.each(roleCells)('%s without claims sees 0 rows of %s', async (role, table) => {
      const rows = await runtime.begin(async (tx) => {
        await tx`select set_config('role', ${role}, true)`;
        return tx<{ id: number }[]>`select id from ${tx(table)}`;
      });
      expect(rows).toHaveLength(0);
      // …while the table is not empty: 0 is the policies' doing, not an empty fixture.
      expect((await expectedIds(table, 'all')).length).toBeGreaterThan(0);
    });
  });

  // A disabled user never reaches the helper: identify() refuses before any request transaction
  // (the HTTP and Zero cells below). The database has no notion of account status by design.

  describe('writes', () => {
    interface Fixtures {
      aOpen: number;
      bOpen: number;
      bResolved: number;
    }
    let fx: Fixtures;
    beforeAll(async () => {
      fx = {
        aOpen: await firstId(su`select id from tickets where client_id = ${CLIENT_A} and status = 'open' order by id limit 1`),
        bOpen: await firstId(su`select id from tickets where client_id = ${CLIENT_B} and status = 'open' order by id limit 1`),
        bResolved: await firstId(su`
          select id from tickets t where client_id = ${CLIENT_B} and status in ('resolved', 'closed')
          and not exists (select 1 from ticket_feedback f where f.ticket_id = t.id) order by id limit 1`),
      };
    });

    const rls = /^new row violates row-level security policy for table "\w+"$/;
    const denied = /^permission denied for table \w+$/;
    type Write = [string, ActiveUser, RegExp, (tx: RlsTransaction, fx: Fixtures) => Promise<unknown>];
    const otherMember = () => users.agent.me.teamMemberId! + 1;
    const writes: Write[] = [
      // client A
      ['ticket for another client', 'clientA', rls, (tx) => tx`
        insert into tickets (client_id, ticket_type_id, priority, title) values (${CLIENT_B}, 1, 'low', 'x')`],
      ['ticket with a chosen status', 'clientA', denied, (tx) => tx`
        insert into tickets (client_id, ticket_type_id, priority, title, status) values (${CLIENT_A}, 1, 'low', 'x', 'closed')`],
      ['ticket with an assignee', 'clientA', denied, (tx) => tx`
        insert into tickets (client_id, ticket_type_id, priority, title, assigned_to) values (${CLIENT_A}, 1, 'low', 'x', 1)`],
      ['update of its own ticket', 'clientA', denied, (tx, f) => tx`update tickets set status = 'closed' where id = ${f.aOpen}`],
      ['message on another client’s ticket', 'clientA', rls, (tx, f) => tx`
        insert into ticket_messages (ticket_id, from_client, message_text) values (${f.bOpen}, true, 'x')`],
      ['message not marked from the client', 'clientA', rls, (tx, f) => tx`
        insert into ticket_messages (ticket_id, from_client, message_text) values (${f.aOpen}, false, 'x')`],
      ['message as a team member', 'clientA', denied, (tx, f) => tx`
        insert into ticket_messages (ticket_id, from_client, from_team_member_id, message_text)
        values (${f.aOpen}, true, 1, 'x')`],
      ['feedback on its own open ticket', 'clientA', rls, (tx, f) => tx`
        insert into ticket_feedback (ticket_id, rating) values (${f.aOpen}, 5)`],
      ['feedback on another client’s resolved ticket', 'clientA', rls, (tx, f) => tx`
        insert into ticket_feedback (ticket_id, rating) values (${f.bResolved}, 5)`],
      ['a payment', 'clientA', denied, (tx) => tx`
        insert into payments (client_id, amount_usd, payment_type) values (${CLIENT_A}, -100, 'refund')`],
      ['a client', 'clientA', denied, (tx) => tx`insert into clients (client_name, email) values ('x', 'x@example.com')`],
      ['its own client row', 'clientA', denied, (tx) => tx`update clients set monthly_budget = 0 where id = ${CLIENT_A}`],
      // staff
      ['a message as another team member', 'agent', rls, (tx, f) => tx`
        insert into ticket_messages (ticket_id, from_client, from_team_member_id, message_text)
        values (${f.bOpen}, false, ${otherMember()}, 'x')`],
      ['a message posing as the client', 'agent', rls, (tx, f) => tx`
        insert into ticket_messages (ticket_id, from_client, message_text) values (${f.bOpen}, true, 'x')`],
      ['a message without a team member (admin)', 'admin', rls, (tx, f) => tx`
        insert into ticket_messages (ticket_id, from_client, message_text) values (${f.bOpen}, false, 'x')`],
      ['a message as team member 1 (admin)', 'admin', rls, (tx, f) => tx`
        insert into ticket_messages (ticket_id, from_client, from_team_member_id, message_text)
        values (${f.bOpen}, false, 1, 'x')`],
      ['a ticket', 'agent', denied, (tx) => tx`
        insert into tickets (client_id, ticket_type_id, priority, title) values (${CLIENT_A}, 1, 'low', 'x')`],
      ['a ticket title', 'manager', denied, (tx, f) => tx`update tickets set title = 'x' where id = ${f.bOpen}`],
      ['resolved_at directly', 'agent', denied, (tx, f) => tx`update tickets set resolved_at = now() where id = ${f.bOpen}`],
      ['an unknown status', 'manager', rls, (tx, f) => tx`update tickets set status = 'deleted' where id = ${f.bOpen}`],
      ['feedback', 'agent', denied, (tx, f) => tx`insert into ticket_feedback (ticket_id, rating) values (${f.bResolved}, 1)`],
      ['a payment status', 'admin', denied, (tx) => tx`update payments set status = 'refunded'`],
      ['a ticket type', 'admin', denied, (tx) => tx`insert into ticket_types (type_name, department) values ('x', 'support')`],
      ['a team member', 'admin', denied, (tx) => tx`
        insert into team_members (username, email, department) values ('x', 'x@company.com', 'support')`],
    ];
    const deletes: Write[] = activeUsers.flatMap((user) =>
      helpdeskTables.map((table): Write => [`delete from ${table}`, user, denied, (tx) => tx`delete from ${tx(table)}`]),
    );

    it.each([...writes, ...deletes])('refuses %s by %s', async (_what, user, message, statement) => {
      const before = await snapshot(su);
      const err = await pgRefusal(() => withRls(users[user].me, (tx) => statement(tx, fx)));
      expect(err.code).toBe('42501');
      expect(err.message).toMatch(message);
      expect(changes(before, await snapshot(su))).toEqual({});
    });

    // The positive controls: the same statements with the caller's own identity pass, so the
    // refusals above are the rules at work and not broken SQL.
    it('lets a client insert its own open ticket, and a message and feedback on its own', async () => {
      const row = await rolledBack(users.clientA.me, async (tx) => {
        const [t] = await tx<{ id: number; client_id: number; status: string; assigned_to: number | null }[]>`
          insert into tickets (client_id, ticket_type_id, priority, title) values (${CLIENT_A}, 1, 'low', 'own')
          returning id, client_id, status, assigned_to`;
        await tx`insert into ticket_messages (ticket_id, from_client, message_text) values (${t!.id}, true, 'own')`;
        return t;
      });
      expect(row).toMatchObject({ client_id: CLIENT_A, status: 'open', assigned_to: null });
      const aResolved = await firstId(su`
        select id from tickets t where client_id = ${CLIENT_A} and status in ('resolved', 'closed')
        and not exists (select 1 from ticket_feedback f where f.ticket_id = t.id) order by id limit 1`);
      const feedback = await rolledBack(users.clientA.me, (tx) =>
        tx`insert into ticket_feedback (ticket_id, rating) values (${aResolved}, 5) returning ticket_id`,
      );
      expect(feedback).toEqual([{ ticket_id: aResolved }]);
    });

    it('lets staff reply as themselves and change status; the trigger keeps resolved_at in step', async () => {
      const me = users.agent.me;
      const msg = await rolledBack(me, (tx) => tx`
        insert into ticket_messages (ticket_id, from_client, from_team_member_id, message_text)
        values (${fx.bOpen}, false, ${me.teamMemberId}, 'reply') returning from_team_member_id`);
      expect(msg).toEqual([{ from_team_member_id: me.teamMemberId }]);
      const steps = await rolledBack(me, async (tx) => {
        const read = () => tx<{ status: string; resolved: boolean; closed: boolean }[]>`
          select status, resolved_at is not null as resolved, closed_at is not null as closed from tickets where id = ${fx.bOpen}`;
        await tx`update tickets set status = 'resolved' where id = ${fx.bOpen}`;
        const resolved = await read();
        await tx`update tickets set status = 'open' where id = ${fx.bOpen}`;
        return [resolved, await read()];
      });
      expect(steps).toEqual([
        [{ status: 'resolved', resolved: true, closed: false }],
        [{ status: 'open', resolved: false, closed: false }],
      ]);
    });
  });
});

describe('HTTP API: GET /api/me', () => {
  async function expectedMe(user: ActiveUser) {
    const me = users[user].me;
    const [client] = me.clientId
      ? await su<{ id: number; name: string }[]>`select id, client_name as name from clients where id = ${me.clientId}`
      : [];
    const [teamMember] = me.teamMemberId
      ? await su<{ id: number; username: string; department: string }[]>`
          select id, username, department from team_members where id = ${me.teamMemberId}`
      : [];
    return {
      ...me,
      name: client?.name ?? teamMember?.username ?? null,
      client: client ?? null,
      teamMember: teamMember ?? null,
      embed: null,
    };
  }

  const credentials = ['bearer', 'cookie'] as const;
  const cells = activeUsers.flatMap((user) => credentials.map((c) => [user, c] as const));
  it.each(cells)('%s (%s) gets its own identity and nothing else', async (user, credential) => {
    const headers: Record<string, string> =
      credential === 'bearer' ? { authorization: `Bearer ${users[user].token}` } : { cookie: users[user].cookie };
    // A tenant smuggled in the query string must not matter.
    const res = await stack.api(`/api/me?clientId=${CLIENT_B}&client_id=${CLIENT_B}`, { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(await expectedMe(user));
  });

  const refusals: [string, Record<string, string>, number, string][] = [
    ['anonymous', {}, 401, 'unauthenticated'],
    ['anonymous with a made-up bearer token', { authorization: 'Bearer not-a-session-token' }, 401, 'unauthenticated'],
    ['anonymous with a forged embed token', { authorization: 'Bearer aaa.bbb.ccc' }, 401, 'invalid_token'],
  ];
  it.each(refusals)('%s gets %i', async (_who, headers, status, error) => {
    const res = await stack.api('/api/me', { headers });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error });
  });

  it('a disabled user gets 403 with its still-valid session token', async () => {
    // Bearer sessions are looked up in the database on every request; the signed cookie cache
    // (≤ 30 s, the documented window for cookie sessions) is not involved.
    const res = await stack.api('/api/me', { headers: { authorization: `Bearer ${users.disabled.token}` } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'account_disabled', message: 'This account is disabled.' });
  });
});

describe('HTTP API: /api/analytics/*', () => {
  const endpoints = Object.values(analyticsPaths);
  const post = (endpoint: string, headers: Record<string, string>, body: unknown = {}) =>
    stack.api(`/api/analytics/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const bearer = (user: ActiveUser | 'disabled') => ({ authorization: `Bearer ${users[user].token}` });

  const staff = (['agent', 'manager', 'admin'] as const).flatMap((user) => endpoints.map((e) => [user, e] as const));
  it.each(staff)('%s gets %s over every ticket', async (user, endpoint) => {
    const res = await post(endpoint, bearer(user));
    expect(res.status).toBe(200);
    const [all] = await su<{ n: number }[]>`select count(*)::int as n from tickets`;
    const body = (await res.json()) as Record<string, unknown>;
    if (endpoint === 'overview') expect(body.totalTickets).toBe(all!.n);
    if (endpoint === 'ticket-distribution') expect(body.total).toBe(all!.n);
  });

  const clients = (['clientA', 'clientB'] as const).flatMap((user) => endpoints.map((e) => [user, e] as const));
  it.each(clients)('%s is refused %s (403), also with a tenant in the body', async (user, endpoint) => {
    for (const body of [{}, { clientId: CLIENT_A, filters: { clientId: CLIENT_A } }]) {
      const res = await post(endpoint, bearer(user), body);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('the batch follows the same rules: every ticket for staff, 403 for clients, 401 anonymous', async () => {
    const batch = { requests: [{ endpoint: 'overview' }, { endpoint: 'ticketDistribution', body: { filters: {} } }] };
    const [all] = await su<{ n: number }[]>`select count(*)::int as n from tickets`;
    for (const user of ['agent', 'manager', 'admin'] as const) {
      const res = await post('batch', bearer(user), batch);
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as { results: { data: { totalTickets?: number; total?: number } }[] };
      expect([results[0]!.data.totalTickets, results[1]!.data.total], user).toEqual([all!.n, all!.n]);
    }
    for (const user of ['clientA', 'clientB'] as const) {
      const res = await post('batch', bearer(user), batch);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
    expect((await post('batch', {}, batch)).status).toBe(401);
    expect((await post('batch', bearer('disabled'), batch)).status).toBe(403);
  });

  it.each(endpoints)('anonymous is refused %s (401), a disabled user (403)', async (endpoint) => {
    const anonymous = await post(endpoint, {});
    expect(anonymous.status).toBe(401);
    const disabled = await post(endpoint, bearer('disabled'));
    expect(disabled.status).toBe(403);
    expect(await disabled.json()).toMatchObject({ error: 'account_disabled' });
  });
});

describe('Zero queries', () => {
  interface Fixtures {
    aTicket: number;
    bTicket: number;
    /** Client A's ticket's uuid: the portal opens tickets by it. */
    aUuid: string;
    /** Client A's ticket's title, searched for by everyone. */
    aTitle: string;
  }
  let fx: Fixtures;
  beforeAll(async () => {
    // Tickets with messages (some from team members), feedback and an assignee: every relationship.
    const rich = (clientId: number) => firstId(su`
      select t.id from tickets t where t.client_id = ${clientId} and t.assigned_to is not null
      and exists (select 1 from ticket_feedback f where f.ticket_id = t.id)
      and exists (select 1 from ticket_messages m where m.ticket_id = t.id and m.from_team_member_id is not null)
      order by t.id limit 1`);
    const aTicket = await rich(CLIENT_A);
    const [a] = await su<{ uuid: string; title: string }[]>`select uuid, title from tickets where id = ${aTicket}`;
    fx = { aTicket, bTicket: await rich(CLIENT_B), aUuid: a!.uuid, aTitle: a!.title };
  });

  const relId = (row: Record<string, unknown>, key: string): number | null =>
    (row[key] as { id: number } | undefined)?.id ?? null;

  function visible(scope: Scope, clientId: number): boolean {
    return scope === 'all' || scope.clientId === clientId;
  }

  async function ticketDetail(ticketId: number, scope: Scope) {
    const [t] = await su<{ id: number; client: number; ticketType: number; assignee: number | null }[]>`
      select id, client_id as client, ticket_type_id as "ticketType", assigned_to as assignee from tickets where id = ${ticketId}`;
    if (!t || !visible(scope, t.client)) return null;
    const messages = await su<{ id: number; author: number | null }[]>`
      select id, from_team_member_id as author from ticket_messages where ticket_id = ${ticketId} order by created_at, id`;
    const [feedback] = await su<{ id: number }[]>`select id from ticket_feedback where ticket_id = ${ticketId}`;
    return {
      ...t,
      feedback: feedback?.id ?? null,
      messages: messages.map((m) => m.id),
      authors: messages.map((m) => m.author),
    };
  }

  function detailShape(rows: Record<string, unknown>[]) {
    const [r] = rows;
    if (!r) return null;
    const messages = r.messages as Record<string, unknown>[];
    return {
      id: r.id,
      client: relId(r, 'client'),
      ticketType: relId(r, 'ticketType'),
      assignee: relId(r, 'assignee'),
      feedback: relId(r, 'feedback'),
      messages: messages.map((m) => m.id),
      authors: messages.map((m) => relId(m, 'teamMember')),
    };
  }

  const sortedIds = (rows: Record<string, unknown>[]) => rows.map((r) => r.id as number).sort((a, b) => a - b);

  interface QueryCase {
    /** Materializes the query on `zero` and returns the rows once the server confirmed them. */
    query: (zero: LyingZero, f: Fixtures) => Promise<Record<string, unknown>[]>;
    shape: (rows: Record<string, unknown>[]) => unknown;
    expected: (scope: Scope, f: Fixtures) => Promise<unknown>;
  }
  const cases: Record<string, QueryCase> = {
    'tickets.recent': {
      query: (z) => syncedRows(z.materialize(queries.tickets.recent())),
      shape: (rows) =>
        rows.map((r) => ({
          id: r.id,
          client: relId(r, 'client'),
          ticketType: relId(r, 'ticketType'),
          assignee: relId(r, 'assignee'),
        })),
      expected: (scope) => su`
        select id, client_id as client, ticket_type_id as "ticketType", assigned_to as assignee from tickets
        where ${scope === 'all' ? su`true` : su`client_id = ${scope.clientId}`}
        order by created_at desc, id desc limit 20`,
    },
    'tickets.detail(client A’s ticket)': {
      query: (z, f) => syncedRows(z.materialize(queries.tickets.detail({ ticketId: f.aTicket }))),
      shape: detailShape,
      expected: (scope, f) => ticketDetail(f.aTicket, scope),
    },
    'tickets.detail(client A’s ticket, by uuid)': {
      query: (z, f) => syncedRows(z.materialize(queries.tickets.detail({ uuid: f.aUuid }))),
      shape: detailShape,
      expected: (scope, f) => ticketDetail(f.aTicket, scope),
    },
    'tickets.list(search for client A’s title)': {
      query: (z, f) =>
        syncedRows(z.materialize(queries.tickets.list({ filters: {}, timeZone: 'UTC', limit: 100, search: f.aTitle }))),
      shape: (rows) => rows.map((r) => r.id),
      expected: async (scope, f) =>
        (
          await su<{ id: number }[]>`
            select id from tickets where position(lower(${f.aTitle}) in lower(title)) > 0
              and ${scope === 'all' ? su`true` : su`client_id = ${scope.clientId}`}
            order by created_at desc, id desc limit 100`
        ).map((r) => r.id),
    },
    'tickets.detail(client B’s ticket)': {
      query: (z, f) => syncedRows(z.materialize(queries.tickets.detail({ ticketId: f.bTicket }))),
      shape: detailShape,
      expected: (scope, f) => ticketDetail(f.bTicket, scope),
    },
    'clients.all': {
      query: (z) => syncedRows(z.materialize(queries.clients.all())),
      shape: sortedIds,
      expected: (scope) => expectedIds('clients', scope),
    },
    'teamMembers.all': {
      query: (z) => syncedRows(z.materialize(queries.teamMembers.all())),
      // The replica holds public columns only, so nobody can sync an email through Zero.
      shape: (rows) =>
        rows.map((r) => ({ id: r.id, columns: Object.keys(r).sort() })).sort((a, b) => Number(a.id) - Number(b.id)),
      expected: async (scope) =>
        (await expectedIds('team_members', scope)).map((id) => ({ id, columns: ['department', 'id', 'status', 'username'] })),
    },
    'ticketTypes.all': {
      query: (z) => syncedRows(z.materialize(queries.ticketTypes.all())),
      shape: sortedIds,
      expected: (scope) => expectedIds('ticket_types', scope),
    },
    'payments.all': {
      query: (z) => syncedRows(z.materialize(queries.payments.all())),
      shape: sortedIds,
      expected: (scope) => expectedIds('payments', scope),
    },
  };

  const cells = activeUsers.flatMap((user) => Object.keys(cases).map((name) => [user, name] as const));
  it.each(cells)('%s syncs exactly its rows of %s', async (user, name) => {
    const c = cases[name]!;
    // The 'staff' claim disables the client-side re-filtering: the view is what the server synced.
    const rows = await c.query(zeros.for(users[user], 'staff'), fx);
    const expected = await c.expected(scopeOf(user), fx);
    expect(c.shape(rows)).toEqual(expected);
  });

  it('the expectations are not vacuous: client A’s ticket is rich and client B’s differs', async () => {
    const a = await ticketDetail(fx.aTicket, 'all');
    expect(a?.messages.length).toBeGreaterThan(0);
    expect(a?.feedback).not.toBeNull();
    expect(a?.assignee).not.toBeNull();
    expect(a?.authors.some((x) => x !== null)).toBe(true);
    expect(await expectedIds('payments', { clientId: CLIENT_A })).not.toEqual(await expectedIds('payments', 'all'));
  });

  describe('the query endpoint refuses before reading anything', () => {
    const names = ['tickets.recent', 'tickets.detail', 'clients.all', 'teamMembers.all', 'ticketTypes.all', 'payments.all'];
    const auth = (who: 'anonymous' | 'disabled' | 'clientA') =>
      who === 'anonymous' ? undefined : `Bearer ${users[who].token}`;

    it('a signed-in user’s request in the same format is answered (the format is right)', async () => {
      const res = await postQuery(stack.config.urls.apiInternal, queryRequestBody(['tickets.recent']), auth('clientA'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        kind: 'QueryResponse',
        userID: users.clientA.me.userId,
        queries: [{ id: 'q0', name: 'tickets.recent' }],
      });
      // The ZQL handed to zero-cache carries client A's filter.
      expect(JSON.stringify(res.body)).toContain(`"right":{"type":"literal","value":${CLIENT_A}}`);
    });

    const cells = (['anonymous', 'disabled'] as const).flatMap((who) => names.map((n) => [who, n] as const));
    it.each(cells)('%s asking for %s gets 401/403', async (who, name) => {
      const args = name === 'tickets.detail' ? [{ ticketId: 1 }] : [];
      const res = await postQuery(stack.config.urls.apiInternal, queryRequestBody([name], args), auth(who));
      expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
      expect(res.body).toMatchObject({ error: who === 'anonymous' ? 'unauthenticated' : 'account_disabled' });
    });

    it.each(['anonymous', 'disabled'] as const)('%s with an empty or invalid body is refused before parsing', async (who) => {
      for (const body of ['', 'not json', '["transform"]']) {
        const res = await postQuery(stack.config.urls.apiInternal, body, auth(who));
        expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
      }
    });

    it.each(['anonymous', 'disabled'] as const)('a Zero client of %s gets needs-auth and no rows', async (who) => {
      const user =
        who === 'anonymous'
          ? { me: { userId: 'anonymous', role: 'admin' as const, clientId: null, teamMemberId: null } }
          : { token: users.disabled.token, me: users.disabled.me };
      const zero = createLyingZero(stack.config.urls.zero, user, 'staff');
      try {
        const view = zero.materialize(queries.tickets.recent());
        const state = await connectionState(zero, 'needs-auth', 20_000);
        expect(state).toMatchObject({ name: 'needs-auth', reason: { type: 'query', status: who === 'anonymous' ? 401 : 403 } });
        expect(view.data).toEqual([]);
        view.destroy();
      } finally {
        await zero.close();
      }
    });
  });
});

describe('Zero mutators', () => {
  interface Fixtures {
    aOpen: number;
    aResolved: number;
    bOpen: number;
    bResolved: number;
    staffTarget: number;
  }
  let fx: Fixtures;
  beforeAll(async () => {
    const ticket = (clientId: number, status: string, title: string) => firstId(su`
      insert into tickets (client_id, ticket_type_id, status, priority, title, resolved_at)
      values (${clientId}, 2, ${status}, 'medium', ${title}, ${status === 'resolved' ? su`now()` : null})
      returning id`);
    fx = {
      aOpen: await ticket(CLIENT_A, 'open', 'fixture: A open'),
      aResolved: await ticket(CLIENT_A, 'resolved', 'fixture: A resolved'),
      bOpen: await ticket(CLIENT_B, 'open', 'fixture: B open'),
      bResolved: await ticket(CLIENT_B, 'resolved', 'fixture: B resolved'),
      staffTarget: await ticket(CLIENT_B, 'open', 'fixture: staff target'),
    };
  });

  type Request = Parameters<LyingZero['mutate']>[0];

  /** Runs a mutator as `user` and returns the server's answer and what changed in Postgres. */
  async function mutate(user: ActiveUser, claim: Claim, request: Request) {
    const before = await snapshot(su);
    const result = await zeros.for(users[user], claim).mutate(request).server;
    const after = await snapshot(su);
    return { result, changed: changes(before, after), before, after };
  }

  const refusal = (message: string) => ({ type: 'error', error: { type: 'app', message } });
  const added = (ids: number[]): TableChanges => ({ added: ids, changed: [], removed: [] });
  const changedRows = (ids: number[]): TableChanges => ({ added: [], changed: ids, removed: [] });

  async function row<T extends object>(query: Promise<T[]>): Promise<T> {
    const [r] = await query;
    if (!r) throw new Error('row not found');
    return r;
  }

  const ticketRow = (id: number) => row(su`
    select client_id, ticket_type_id, status, priority, title, assigned_to, resolved_at, closed_at from tickets where id = ${id}`);
  const messageRow = (id: number) => row(su`
    select ticket_id, from_client, from_team_member_id, message_text from ticket_messages where id = ${id}`);

  const push = (user: ActiveUser | undefined, body: string) =>
    postMutate(stack.config.urls.apiInternal, body, user && `Bearer ${users[user].token}`);

  function newIds(changed: ReturnType<typeof changes>, table: HelpdeskTable): number[] {
    return changed[table]?.added ?? [];
  }

  // The claim is what the client half needs to pass, so that the server half decides.
  type Refused = [string, ActiveUser, Claim, (f: Fixtures) => Request, (f: Fixtures) => string];
  const newTicket = (title: string, ticketTypeId = 1) =>
    mutators.tickets.create({ uuid: randomUUID(), title, ticketTypeId, priority: 'low', message: 'x' });
  const onlyClients = () => 'Only client users can do this.';
  const onlyStaff = () => 'Only staff can do this.';
  const refused: Refused[] = [
    ['tickets.create by an agent', 'agent', 'client', () => newTicket('From staff'), onlyClients],
    ['tickets.create by the manager', 'manager', 'client', () => newTicket('From manager'), onlyClients],
    ['tickets.create by the admin', 'admin', 'client', () => newTicket('From admin'), onlyClients],
    ['tickets.create with an unknown ticket type', 'clientA', 'client', () => newTicket('Bad type', 9999),
      () => 'Ticket type 9999 does not exist.'],
    ['tickets.update by a client, own ticket', 'clientA', 'staff',
      (f) => mutators.tickets.update({ ticketId: f.aOpen, status: 'closed' }), onlyStaff],
    ['tickets.update by a client, another client’s ticket', 'clientB', 'staff',
      (f) => mutators.tickets.update({ ticketId: f.aOpen, assignedTo: 1 }), onlyStaff],
    ['tickets.update of a missing ticket', 'agent', 'staff',
      () => mutators.tickets.update({ ticketId: 99_999_999, status: 'closed' }), () => 'Ticket 99999999 does not exist.'],
    ['tickets.update to a missing assignee', 'manager', 'staff',
      (f) => mutators.tickets.update({ ticketId: f.staffTarget, assignedTo: 99_999 }), () => 'Team member 99999 does not exist.'],
    ['messages.add on another client’s ticket', 'clientA', 'client',
      (f) => mutators.messages.add({ ticketId: f.bOpen, text: 'Sneaky' }), (f) => `Ticket ${f.bOpen} does not exist.`],
    ['messages.add on another client’s ticket (B on A’s)', 'clientB', 'client',
      (f) => mutators.messages.add({ ticketId: f.aOpen, text: 'Sneaky' }), (f) => `Ticket ${f.aOpen} does not exist.`],
    ['messages.add on a missing ticket', 'clientB', 'client',
      () => mutators.messages.add({ ticketId: 99_999_999, text: 'x' }), () => 'Ticket 99999999 does not exist.'],
    ['messages.add by the admin (no team member)', 'admin', 'staff',
      (f) => mutators.messages.add({ ticketId: f.bOpen, text: 'From admin' }), () => 'Only team members can reply to tickets.'],
    ['feedback.leave on an unresolved ticket', 'clientA', 'client',
      (f) => mutators.feedback.leave({ ticketId: f.aOpen, rating: 5 }),
      () => 'Feedback can only be left once the ticket is resolved or closed.'],
    ['feedback.leave on another client’s resolved ticket', 'clientA', 'client',
      (f) => mutators.feedback.leave({ ticketId: f.bResolved, rating: 1 }), (f) => `Ticket ${f.bResolved} does not exist.`],
    ['feedback.leave by an agent', 'agent', 'client', (f) => mutators.feedback.leave({ ticketId: f.bResolved, rating: 5 }), onlyClients],
    ['feedback.leave by the manager', 'manager', 'client',
      (f) => mutators.feedback.leave({ ticketId: f.bResolved, rating: 5 }), onlyClients],
    ['feedback.leave by the admin', 'admin', 'client', (f) => mutators.feedback.leave({ ticketId: f.bResolved, rating: 5 }), onlyClients],
  ];

  it.each(refused)('refuses %s (%s) and changes nothing', async (_what, user, claim, request, message) => {
    const { result, changed } = await mutate(user, claim, request(fx));
    expect(result).toMatchObject(refusal(message(fx)));
    expect(changed).toEqual({});
  });

  it.each(['clientA', 'clientB'] as const)('tickets.create by %s lands on its client, open and unassigned, with its first message', async (user) => {
    const uuid = randomUUID();
    const { result, changed } = await mutate(
      user,
      'client',
      mutators.tickets.create({ uuid, title: 'Printer on fire', ticketTypeId: 3, priority: 'urgent', message: 'Please help' }),
    );
    expect(result).toEqual({ type: 'success' });
    const [ticketId] = newIds(changed, 'tickets');
    const [messageId] = newIds(changed, 'ticket_messages');
    expect(changed).toEqual({ tickets: added([ticketId!]), ticket_messages: added([messageId!]) });
    expect(await ticketRow(ticketId!)).toEqual({
      client_id: users[user].me.clientId,
      ticket_type_id: 3,
      status: 'open',
      priority: 'urgent',
      title: 'Printer on fire',
      assigned_to: null,
      resolved_at: null,
      closed_at: null,
    });
    expect(await messageRow(messageId!)).toEqual({
      ticket_id: ticketId,
      from_client: true,
      from_team_member_id: null,
      message_text: 'Please help',
    });
    expect(await row(su`select uuid from tickets where id = ${ticketId!}`)).toEqual({ uuid });
  });

  it('tickets.create with a uuid already taken is refused and writes neither ticket nor message', async () => {
    const [taken] = await su<{ uuid: string }[]>`select uuid from tickets where id = ${fx.aOpen}`;
    const request = mutators.tickets.create({ uuid: taken!.uuid, title: 'Same uuid', ticketTypeId: 1, priority: 'low', message: 'm' });
    const { result, changed } = await mutate('clientA', 'client', request);
    expect(result).toMatchObject(refusal('This already exists.'));
    expect(changed).toEqual({});
  });

  // Attack: the args have no tenant or status fields; extra ones must be stripped, wherever sent.
  const forged = { clientId: CLIENT_B, client_id: CLIENT_B, status: 'closed', assignedTo: 1, assigned_to: 1 };

  it('tickets.create with another client’s id smuggled into the args still lands on the caller', async () => {
    const args = { uuid: randomUUID(), title: 'Smuggled tenant', ticketTypeId: 1, priority: 'low' as const, message: 'm', ...forged };
    const { result, changed } = await mutate('clientA', 'client', mutators.tickets.create(args));
    expect(result).toEqual({ type: 'success' });
    const [ticketId] = newIds(changed, 'tickets');
    expect(Object.keys(changed).sort()).toEqual(['ticket_messages', 'tickets']);
    expect(await ticketRow(ticketId!)).toMatchObject({ client_id: CLIENT_A, status: 'open', assigned_to: null });
  });

  it('the same forged args pushed raw to the mutate endpoint (no client-side validation) are ignored', async () => {
    const before = await snapshot(su);
    const args = { uuid: randomUUID(), title: 'Raw smuggled tenant', ticketTypeId: 1, priority: 'low', message: 'm', ...forged };
    const res = await push('clientA', pushRequestBody('tickets.create', args));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mutations: [{ result: {} }] });
    const changed = changes(before, await snapshot(su));
    const [ticketId] = newIds(changed, 'tickets');
    expect(Object.keys(changed).sort()).toEqual(['ticket_messages', 'tickets']);
    expect(await ticketRow(ticketId!)).toMatchObject({
      client_id: CLIENT_A,
      status: 'open',
      assigned_to: null,
      title: 'Raw smuggled tenant',
    });
  });

  // Pushed raw, past the client-side validation a real attacker skips: the server validates again.
  type Raw = [string, ActiveUser, string, (f: Fixtures) => unknown, RegExp];
  const raw: Raw[] = [
    ['tickets.update to an unknown status', 'agent', 'tickets.update',
      (f) => ({ ticketId: f.bOpen, status: 'deleted' }), /Status must be one of open, in_progress, resolved, closed/],
    ['feedback.leave with rating 9', 'clientA', 'feedback.leave',
      (f) => ({ ticketId: f.aResolved, rating: 9 }), /Rating must be 1 to 5/],
    ['messages.add with a blank text', 'clientA', 'messages.add',
      (f) => ({ ticketId: f.aOpen, text: '   ' }), /Message cannot be empty/],
    ['tickets.create with a 300-character title', 'clientA', 'tickets.create',
      () => ({ uuid: randomUUID(), title: 'x'.repeat(300), ticketTypeId: 1, priority: 'low', message: 'm' }), /Title is too long/],
    ['tickets.create without a uuid', 'clientA', 'tickets.create',
      () => ({ title: 'No uuid', ticketTypeId: 1, priority: 'low', message: 'm' }), /needs a uuid made by the client/],
    ['tickets.create with a number for args', 'clientA', 'tickets.create', () => 42, /expected object/i],
    ['an unknown mutator', 'clientA', 'tickets.delete', (f) => ({ ticketId: f.aOpen }), /^Unknown mutator: tickets\.delete$/],
  ];
  it.each(raw)('refuses %s pushed raw by %s', async (_what, user, name, args, message) => {
    const before = await snapshot(su);
    const res = await push(user, pushRequestBody(name, args(fx)));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mutations: [{ result: { error: 'app', message: expect.stringMatching(message) } }] });
    expect(changes(before, await snapshot(su))).toEqual({});
  });

  it('refuses a legacy CRUD push (deleting a ticket) and changes nothing', async () => {
    const before = await snapshot(su);
    const ops = [{ op: 'delete', tableName: 'tickets', primaryKey: ['id'], value: { id: fx.aOpen } }];
    const res = await push('admin', pushRequestBody('_zero_crud', { ops }, 'crud'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'PushFailed', message: 'Expected custom mutation' });
    expect(changes(before, await snapshot(su))).toEqual({});
  });

  // The provided schema allows NULL status and priority; such a ticket must stay updatable.
  it('tickets.update of the status of a ticket whose priority is NULL succeeds', async () => {
    const id = await firstId(su`
      insert into tickets (client_id, ticket_type_id, status, priority, title)
      values (${CLIENT_B}, 1, 'open', null, 'fixture: no priority') returning id`);
    const request = mutators.tickets.update({ ticketId: id, status: 'in_progress' });
    const { result, changed } = await mutate('agent', 'staff', request);
    expect(result).toEqual({ type: 'success' });
    expect(changed).toEqual({ tickets: changedRows([id]) });
  });

  it('messages.add by client A on its own ticket is from the client, with no team member', async () => {
    const request = mutators.messages.add({ ticketId: fx.aOpen, text: 'Any news?' });
    const { result, changed } = await mutate('clientA', 'client', request);
    expect(result).toEqual({ type: 'success' });
    const [id] = newIds(changed, 'ticket_messages');
    expect(changed).toEqual({ ticket_messages: added([id!]) });
    expect(await messageRow(id!)).toEqual({
      ticket_id: fx.aOpen,
      from_client: true,
      from_team_member_id: null,
      message_text: 'Any news?',
    });
  });

  it.each(['agent', 'manager'] as const)('messages.add by the %s is signed as itself, whatever the args say', async (user) => {
    // Each poses as the other one, and as the client.
    const other = users[user === 'agent' ? 'manager' : 'agent'].me.teamMemberId!;
    const text = `Reply from ${user}`;
    const spoof = { ticketId: fx.bOpen, text, fromTeamMemberId: other, from_team_member_id: other, fromClient: true };
    const { result, changed } = await mutate(user, 'staff', mutators.messages.add(spoof));
    expect(result).toEqual({ type: 'success' });
    const [id] = newIds(changed, 'ticket_messages');
    expect(changed).toEqual({ ticket_messages: added([id!]) });
    expect(await messageRow(id!)).toEqual({
      ticket_id: fx.bOpen,
      from_client: false,
      from_team_member_id: users[user].me.teamMemberId,
      message_text: text,
    });
    expect(users[user].me.teamMemberId).not.toBe(other);
  });

  it('feedback.leave by client A on its own resolved ticket, then a second time is refused', async () => {
    const leave = mutators.feedback.leave({ ticketId: fx.aResolved, rating: 4, text: 'Quick fix' });
    const first = await mutate('clientA', 'client', leave);
    expect(first.result).toEqual({ type: 'success' });
    const [id] = newIds(first.changed, 'ticket_feedback');
    expect(first.changed).toEqual({ ticket_feedback: added([id!]) });
    expect(await row(su`select ticket_id, rating, feedback_text from ticket_feedback where id = ${id!}`)).toEqual({
      ticket_id: fx.aResolved,
      rating: 4,
      feedback_text: 'Quick fix',
    });
    const again = await mutate('clientA', 'client', mutators.feedback.leave({ ticketId: fx.aResolved, rating: 1 }));
    expect(again.result).toMatchObject(refusal('Feedback was already left for this ticket.'));
    expect(again.changed).toEqual({});
  });

  it('tickets.update by staff: status, priority and assignee; resolving sets resolved_at, reopening clears it', async () => {
    const ticketId = fx.staffTarget;
    interface State {
      status: string;
      priority: string;
      assigned_to: number | null;
      resolved: boolean;
      closed: boolean;
      /** resolved_at was set by this very change (the trigger), not carried over. */
      fresh: boolean;
    }
    const state = () => row(su<State[]>`
      select status, priority, assigned_to, resolved_at is not null as resolved, closed_at is not null as closed,
             coalesce(resolved_at > now() - interval '1 minute', false) as fresh
      from tickets where id = ${ticketId}`);
    const agentId = users.agent.me.teamMemberId!;
    const open: State = { status: 'open', priority: 'medium', assigned_to: null, resolved: false, closed: false, fresh: false };
    type Change = Omit<Parameters<typeof mutators.tickets.update>[0], 'ticketId'>;
    const steps: [ActiveUser, Change, State][] = [
      ['agent', { status: 'resolved' }, { ...open, status: 'resolved', resolved: true, fresh: true }],
      ['agent', { status: 'open' }, open],
      ['manager', { priority: 'high', assignedTo: agentId }, { ...open, priority: 'high', assigned_to: agentId }],
      ['admin', { status: 'closed' },
        { ...open, status: 'closed', priority: 'high', assigned_to: agentId, resolved: true, closed: true, fresh: true }],
      ['manager', { status: 'in_progress', assignedTo: null }, { ...open, status: 'in_progress', priority: 'high' }],
    ];
    for (const [user, change, expected] of steps) {
      const { result, changed } = await mutate(user, 'staff', mutators.tickets.update({ ticketId, ...change }));
      expect(result).toEqual({ type: 'success' });
      expect(changed).toEqual({ tickets: changedRows([ticketId]) });
      expect(await state()).toEqual(expected);
    }
  });

  describe('anonymous and disabled users cannot reach a mutator', () => {
    const calls: [string, (f: Fixtures) => unknown][] = [
      ['tickets.create', () => ({ uuid: randomUUID(), title: 'Anonymous ticket', ticketTypeId: 1, priority: 'low', message: 'x' })],
      ['tickets.update', (f) => ({ ticketId: f.bOpen, status: 'closed' })],
      ['messages.add', (f) => ({ ticketId: f.bOpen, text: 'x' })],
      ['feedback.leave', (f) => ({ ticketId: f.bResolved, rating: 1 })],
    ];
    const cells = (['anonymous', 'disabled'] as const).flatMap((who) => calls.map(([name, args]) => [who, name, args] as const));
    it.each(cells)('%s: %s → 401/403, nothing written', async (who, name, args) => {
      const before = await snapshot(su);
      const authorization = who === 'disabled' ? `Bearer ${users.disabled.token}` : undefined;
      const res = await postMutate(stack.config.urls.apiInternal, pushRequestBody(name, args(fx)), authorization);
      expect(res.body).toMatchObject({ error: who === 'anonymous' ? 'unauthenticated' : 'account_disabled' });
      expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
      expect(changes(before, await snapshot(su))).toEqual({});
    });

    it('the same push from an allowed user goes through (so the refusals are about identity)', async () => {
      const before = await snapshot(su);
      const res = await push('agent', pushRequestBody('messages.add', { ticketId: fx.bOpen, text: 'raw' }));
      expect(res.status).toBe(200);
      const changed = changes(before, await snapshot(su));
      expect(changed).toEqual({ ticket_messages: added(newIds(changed, 'ticket_messages')) });
      expect(newIds(changed, 'ticket_messages')).toHaveLength(1);
    });
  });

  describe('SQL meta-characters in every text input are stored verbatim', () => {
    const nasty = [
      "'; drop table tickets; --",
      "Robert'); DELETE FROM ticket_messages WHERE ('1'='1",
      '%_\\ LIKE wildcards and a backslash \\',
      `"double" 'single' \`back\` $1 $$dollar$$ \${x}`,
      'Zoë — 日本語 🚀 עברית \u202Eevil',
      '<script>alert(1)</script> & NULL \\0 \\x00',
    ];

    it.each(nasty)('%s', async (text) => {
      const create = mutators.tickets.create({ uuid: randomUUID(), title: text, ticketTypeId: 1, priority: 'low', message: text });
      const created = await mutate('clientA', 'client', create);
      expect(created.result).toEqual({ type: 'success' });
      const [ticketId] = newIds(created.changed, 'tickets');
      const [firstMessage] = newIds(created.changed, 'ticket_messages');
      expect(await ticketRow(ticketId!)).toMatchObject({ title: text, client_id: CLIENT_A });

      const reply = await mutate('agent', 'staff', mutators.messages.add({ ticketId: ticketId!, text }));
      expect(reply.result).toEqual({ type: 'success' });
      const [replyId] = newIds(reply.changed, 'ticket_messages');
      expect(await su`select id, message_text from ticket_messages where ticket_id = ${ticketId!} order by id`).toEqual([
        { id: firstMessage, message_text: text },
        { id: replyId, message_text: text },
      ]);

      const resolve = mutators.tickets.update({ ticketId: ticketId!, status: 'resolved' });
      expect((await mutate('agent', 'staff', resolve)).result).toEqual({ type: 'success' });
      const feedback = await mutate('clientA', 'client', mutators.feedback.leave({ ticketId: ticketId!, rating: 3, text }));
      expect(feedback.result).toEqual({ type: 'success' });
      expect(await su`select feedback_text from ticket_feedback where ticket_id = ${ticketId!}`).toEqual([{ feedback_text: text }]);

      // Harmless: every table still there, and nothing but this ticket's rows changed.
      const tables = await su`select tablename from pg_tables where schemaname = 'public' and tablename in ${su(helpdeskTables)}`;
      expect(tables).toHaveLength(helpdeskTables.length);
      const total = changes(created.before, feedback.after);
      expect(total).toEqual({
        tickets: added([ticketId!]),
        ticket_messages: added([firstMessage!, replyId!]),
        ticket_feedback: added(newIds(feedback.changed, 'ticket_feedback')),
      });
    });
  });
});

describe('reports side by side (withRls.each)', () => {
  type Seen = { pid: number; role: string; claims: string; tickets: number };
  const look = (tx: RlsTransaction) =>
    tx<Seen[]>`select pg_backend_pid() as pid, current_user as role,
                      current_setting('request.jwt.claims') as claims, (select count(*)::int from tickets) as tickets`.then((rows) => rows[0]!);
  let spare: Sql;
  beforeAll(() => {
    spare = connect(stack.config.postgres.runtimeUrl!, { max: 2 });
  });
  afterAll(async () => {
    await spare?.end({ timeout: 5 });
  });

  it('each work has a connection of its own while spare ones are free, each as the user', async () => {
    const each = createRls(runtime, { sql: spare, max: 2, afterMs: 0 }).each;
    for (const user of ['clientA', 'admin'] as const) {
      const seen = await each(users[user].me, [look, look, look]);
      expect(new Set(seen.map((s) => s.pid)).size, user).toBe(3);
      const [own] = await withRls(users[user].me, (tx) => tx<{ claims: string }[]>`select current_setting('request.jwt.claims') as claims`);
      const expectedTickets = await expectedIds('tickets', scopeOf(user));
      for (const s of seen) expect({ role: s.role, claims: s.claims, tickets: s.tickets }, user).toEqual({
        role: user === 'admin' ? 'app_staff' : 'app_client',
        claims: own!.claims,
        tickets: expectedTickets.length,
      });
    }
  });

  it('takes only the spare connections free at the time, none without a spare pool, and none while batches are fast', async () => {
    const each = createRls(runtime, { sql: spare, max: 1, afterMs: 0 }).each;
    const three = await each(users.admin.me, [look, look, look]);
    expect(new Set(three.map((s) => s.pid)).size).toBe(2);
    const alone = await createRls(runtime).each(users.admin.me, [look, look, look]);
    expect(new Set(alone.map((s) => s.pid)).size).toBe(1);
    // By default only once batches have been slow: these take a few milliseconds.
    const light = await createRls(runtime, { sql: spare, max: 2 }).each(users.admin.me, [look, look, look]);
    expect(new Set(light.map((s) => s.pid)).size).toBe(1);
  });

  it('a ticket committed before a helper starts is not in its work: it reads the request’s snapshot', async () => {
    // The spare pool's one connection is held here, so the helper's transaction can only begin
    // after the ticket below has committed: on a snapshot of its own it would count that ticket.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = spare.begin(async (tx) => {
      await tx`select 1`;
      holding();
      await gate;
    });
    await held;
    const [before] = await su<{ n: number }[]>`select count(*)::int as n from tickets`;
    let inserted: number | undefined;
    try {
      let ownRead!: () => void;
      const read = new Promise<void>((resolve) => (ownRead = resolve));
      const pending = createRls(runtime, { sql: spare, max: 1, afterMs: 0 }).each(users.admin.me, [
        async (tx) => {
          const seen = await look(tx);
          ownRead();
          return seen;
        },
        look,
        look,
      ]);
      await read;
      const [row] = await su<{ id: number }[]>`insert into tickets (client_id, ticket_type_id, title) values (${CLIENT_A}, 1, 'committed mid-batch') returning id`;
      inserted = row!.id;
      release();
      const seen = await pending;
      expect(new Set(seen.map((s) => s.pid)).size).toBe(2);
      expect(seen.map((s) => s.tickets)).toEqual([before!.n, before!.n, before!.n]);
      const [after] = await withRls(users.admin.me, (tx) => tx<{ n: number }[]>`select count(*)::int as n from tickets`);
      expect(after!.n).toBe(before!.n + 1);
    } finally {
      release();
      await holder;
      if (inserted !== undefined) await su`delete from tickets where id = ${inserted}`;
    }
  });
});
