// Zero's permission filters (shared/zero/permissions.ts) re-implement the Postgres policies for the
// replica, which zero-cache reads with a privileged role. The property: for random users and for
// every synced query, the rows a Zero client receives equal — column for column — the rows the
// same user selects through the RLS helper. fast-check prints the seed and the counterexample on
// failure; FC_SEED=<seed> replays a run.
import fc from 'fast-check';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Sql } from '../../database/client.ts';
import { createRls, type RlsTransaction, type WithRls } from '../../server/rls.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
import { ticketStatuses } from '../../shared/helpdesk.ts';
import { queries, TICKET_PAGE_MAX } from '../../shared/zero/queries.ts';
import { Reference } from '../support/analytics-reference.ts';
import { startApiStack, type ApiStack, type SignedIn } from '../support/api-stack.ts';
import { columnsOnly, columnTypes, serverTable, zeroSelectList, type ZeroTable } from '../support/isolation-rows.ts';
import { lyingZeros, syncedRows, type LyingZero } from '../support/isolation-zero.ts';
import { randomFilters, seededRandom } from '../support/random-filters.ts';

const CLIENTS = 50;
const TEAM_MEMBERS = 15;
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

let stack: ApiStack;
let su: Sql;
let runtime: Sql;
let withRls: WithRls;
let types: Map<string, string>;
let zeros: ReturnType<typeof lyingZeros>;
let ticketsByClient: Map<number, number[]>;
let maxTicketId: number;

beforeAll(async () => {
  stack = await startApiStack('zero_rls_parity', { tickets: 1000, seed: 31 });
  su = stack.db.sql;
  runtime = connect(stack.config.postgres.runtimeUrl!, { max: 4 });
  withRls = createRls(runtime);
  types = await columnTypes(su);
  zeros = lyingZeros(stack.config.urls.zero);
  // Only to draw ticket ids (own, foreign, missing); the expectations come from the RLS helper.
  const rows = await su<{ id: number; client_id: number }[]>`select id, client_id from tickets order by id`;
  ticketsByClient = new Map();
  for (const r of rows) ticketsByClient.set(r.client_id, [...(ticketsByClient.get(r.client_id) ?? []), r.id]);
  maxTicketId = rows.at(-1)!.id;
});

afterAll(async () => {
  await zeros?.closeAll();
  await runtime?.end({ timeout: 5 });
  await stack?.stop();
});

// ---------------------------------------------------------------------------------------------
// Users: one of the 50 clients, one of the 15 team members, or the admin (no team member).

type UserPick = { kind: 'client'; id: number } | { kind: 'team member'; id: number } | { kind: 'admin' };

const userArb: fc.Arbitrary<UserPick> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: CLIENTS }).map((id) => ({ kind: 'client' as const, id })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: TEAM_MEMBERS }).map((id) => ({ kind: 'team member' as const, id })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'admin' as const }) },
);

const signedIn = new Map<string, SignedIn>();

async function userFor(pick: UserPick): Promise<SignedIn> {
  const [row] =
    pick.kind === 'admin'
      ? [{ email: 'admin@company.com' }]
      : pick.kind === 'client'
        ? await su<{ email: string }[]>`select lower(email) as email from clients where id = ${pick.id}`
        : await su<{ email: string }[]>`select lower(email) as email from team_members where id = ${pick.id}`;
  if (!row) throw new Error(`no such user: ${JSON.stringify(pick)}`);
  let user = signedIn.get(row.email);
  if (!user) {
    user = await stack.signIn(row.email);
    signedIn.set(row.email, user);
  }
  return user;
}

/** A client whose rows the Zero client must not filter out locally: see isolation-zero.ts. */
function zeroOf(user: SignedIn): LyingZero {
  return zeros.for(user, 'staff');
}

// ---------------------------------------------------------------------------------------------
// Rows under RLS, in Zero's shape (Zero's column names and value types; see zeroSelectList).

type Row = Record<string, unknown>;

function selectAs(tx: RlsTransaction, table: ZeroTable, where: string, params: (number | string)[], order = 'x.id'): Promise<Row[]> {
  return tx.unsafe<Row[]>(
    `select ${zeroSelectList(table, types)} from "${serverTable(table)}" x ${where} order by ${order}`,
    params,
  );
}

async function oneAs(tx: RlsTransaction, table: ZeroTable, id: unknown): Promise<Row | null> {
  if (id === null || id === undefined) return null;
  const [row] = await selectAs(tx, table, 'where x.id = $1', [id as number]);
  return row ?? null;
}

/** A ticket with the relationships tickets.recent asks for. */
async function ticketWithBasicsAs(tx: RlsTransaction, ticket: Row): Promise<Row> {
  return {
    ...ticket,
    client: await oneAs(tx, 'clients', ticket.clientId),
    ticketType: await oneAs(tx, 'ticketTypes', ticket.ticketTypeId),
    assignee: await oneAs(tx, 'teamMembers', ticket.assignedTo),
  };
}

// Zero rows to the same shape: columns only, related rows likewise, a missing "one" as null.
function one(table: ZeroTable, row: unknown): Row | null {
  return row ? columnsOnly(table, row as Row) : null;
}

function zeroTicketWithBasics(r: Row): Row {
  return {
    ...columnsOnly('tickets', r),
    client: one('clients', r.client),
    ticketType: one('ticketTypes', r.ticketType),
    assignee: one('teamMembers', r.assignee),
  };
}

const byId = (a: Row, b: Row) => Number(a.id) - Number(b.id);

// ---------------------------------------------------------------------------------------------

const wholeTables: [string, ZeroTable, (z: LyingZero) => Promise<Row[]>][] = [
  ['clients.all', 'clients', (z) => syncedRows(z.materialize(queries.clients.all()))],
  ['teamMembers.all', 'teamMembers', (z) => syncedRows(z.materialize(queries.teamMembers.all()))],
  ['ticketTypes.all', 'ticketTypes', (z) => syncedRows(z.materialize(queries.ticketTypes.all()))],
  ['payments.all', 'payments', (z) => syncedRows(z.materialize(queries.payments.all()))],
];

describe('synced queries return exactly what RLS lets the same user select', () => {
  it.each(wholeTables)('%s', async (name, table, run) => {
    await fc.assert(
      fc.asyncProperty(userArb, async (pick) => {
        const user = await userFor(pick);
        const zero = (await run(zeroOf(user))).map((r) => columnsOnly(table, r)).sort(byId);
        const rls = await withRls(user.me, (tx) => selectAs(tx, table, '', []));
        expect(zero, `${name} as ${user.email}`).toEqual(rls);
      }),
      { numRuns: 8, endOnFailure: true, seed },
    );
  });

  it('tickets.recent', async () => {
    await fc.assert(
      fc.asyncProperty(userArb, async (pick) => {
        const user = await userFor(pick);
        const rows = await syncedRows(zeroOf(user).materialize(queries.tickets.recent()));
        const zero = rows.map(zeroTicketWithBasics);
        const rls = await withRls(user.me, async (tx) => {
          const tickets = await selectAs(tx, 'tickets', '', [], 'x.created_at desc, x.id desc limit 20');
          return Promise.all(tickets.map((t) => ticketWithBasicsAs(tx, t)));
        });
        expect(zero, `tickets.recent as ${user.email}`).toEqual(rls);
      }),
      { numRuns: 10, endOnFailure: true, seed },
    );
  });

  it('changes.counter', async () => {
    const seen = { visible: 0, hidden: 0 };
    // The staff counter, the caller's own client's, another client's, or one that does not exist.
    const counterArb = fc.record({ whose: fc.constantFrom('staff', 'own', 'foreign', 'missing'), index: fc.nat() });
    await fc.assert(
      fc.asyncProperty(userArb, counterArb, async (pick, draw) => {
        const user = await userFor(pick);
        const own = user.me.clientId ?? 1;
        const id =
          draw.whose === 'staff' ? 0 : draw.whose === 'own' ? own : draw.whose === 'missing' ? 10_000 + (draw.index % 1000) : ((own + draw.index) % CLIENTS) + 1;
        const zero = (await syncedRows(zeroOf(user).materialize(queries.changes.counter({ id })))).map((r) =>
          columnsOnly('changeCounters', r),
        );
        const rls = await withRls(user.me, (tx) => selectAs(tx, 'changeCounters', 'where x.id = $1', [id]));
        expect(zero, `changes.counter(${id}, ${draw.whose}) as ${user.email}`).toEqual(rls);
        seen[rls.length > 0 ? 'visible' : 'hidden'] += 1;
      }),
      { numRuns: 25, endOnFailure: true, seed },
    );
    console.log(`changes.counter runs: ${seen.visible} visible counters, ${seen.hidden} hidden or missing`);
  });

  // The ticket is the caller's own, another client's, or one that does not exist.
  const ticketArb = fc.record({ whose: fc.constantFrom('own', 'foreign', 'missing'), index: fc.nat() });

  function drawTicket(user: SignedIn, draw: { whose: string; index: number }): number {
    const own = user.me.clientId;
    const pool =
      draw.whose === 'missing'
        ? []
        : [...ticketsByClient.entries()]
            .filter(([client]) => own === null || (draw.whose === 'own') === (client === own))
            .flatMap(([, ids]) => ids);
    return pool.length === 0 ? maxTicketId + 1 + (draw.index % 1000) : pool[draw.index % pool.length]!;
  }

  it('tickets.detail', async () => {
    const seen = { visible: 0, hidden: 0 };
    await fc.assert(
      fc.asyncProperty(userArb, ticketArb, async (pick, draw) => {
        const user = await userFor(pick);
        const ticketId = drawTicket(user, draw);
        const [row] = await syncedRows(zeroOf(user).materialize(queries.tickets.detail({ ticketId })));
        const zero = row
          ? {
              ...zeroTicketWithBasics(row),
              feedback: one('ticketFeedback', row.feedback),
              messages: (row.messages as Row[]).map((m) => ({
                ...columnsOnly('ticketMessages', m),
                teamMember: one('teamMembers', m.teamMember),
              })),
            }
          : null;
        const rls = await withRls(user.me, async (tx) => {
          const [ticket] = await selectAs(tx, 'tickets', 'where x.id = $1', [ticketId]);
          if (!ticket) return null;
          const [feedback] = await selectAs(tx, 'ticketFeedback', 'where x.ticket_id = $1', [ticketId]);
          const messages = await selectAs(tx, 'ticketMessages', 'where x.ticket_id = $1', [ticketId], 'x.created_at, x.id');
          return {
            ...(await ticketWithBasicsAs(tx, ticket)),
            feedback: feedback ?? null,
            messages: await Promise.all(
              messages.map(async (m) => ({ ...m, teamMember: await oneAs(tx, 'teamMembers', m.fromTeamMemberId) })),
            ),
          };
        });
        expect(zero, `tickets.detail(${ticketId}, ${draw.whose}) as ${user.email}`).toEqual(rls);
        seen[rls ? 'visible' : 'hidden'] += 1;
      }),
      { numRuns: 25, endOnFailure: true, seed },
    );
    console.log(`tickets.detail runs: ${seen.visible} visible tickets, ${seen.hidden} hidden or missing`);
  });

  it('tickets.list', async () => {
    // The expectation is built without the product's filter compiler: the analytics reference's
    // plain SQL (local days via AT TIME ZONE), the statuses spelled out, and the keyset written as
    // ZQL's start() means it (exclusive; ZQL sorts NULL lowest, so under `desc` NULLs come last).
    type Key = { id: number; createdAt: number };
    type AfterKind = 'none' | 'listed' | 'foreign' | 'missing';
    const statuses = { open: ['open', 'in_progress'], closed: ['resolved', 'closed'] } as const;
    const ms = '(extract(epoch from t.created_at) * 1000)::float8';
    const ids = {
      members: (await su<{ id: number }[]>`select id from team_members order by id`).map((r) => r.id),
      types: (await su<{ id: number }[]>`select id from ticket_types order by id`).map((r) => r.id),
    };
    // Every ticket, to draw `after` rows the caller may not see (or that do not exist) from.
    const everyTicket = await su<Key[]>`
      select t.id, ${su.unsafe(ms)} as "createdAt" from tickets t where t.created_at is not null order by t.id`;
    // The stack's report zone first (the widgets' choice), then zones whose days are not UTC's:
    // New York (DST in March and November), Auckland (12–13 hours ahead, DST the other way round).
    const zones = [...new Set([stack.config.reportTimezone, 'America/New_York', 'Pacific/Auckland'])];
    const references = new Map(zones.map((zone) => [zone, new Reference(su, zone)]));
    const utc = new Reference(su, 'UTC');

    const listArb = fc.record({
      // Random filters rarely leave any of a client's twenty-odd tickets, and rarely put a day
      // boundary where the caller has tickets: so also none, and the day of one of them.
      filters: fc.record({ kind: fc.constantFrom('random', 'random', 'none', 'ticketDay', 'ticketDay'), seed: fc.nat() }),
      timeZone: fc.constantFrom(...zones),
      status: fc.constantFrom(undefined, 'open' as const, 'closed' as const),
      statuses: fc.option(fc.subarray([...ticketStatuses], { minLength: 1 }), { nil: undefined }),
      // A piece of a title the caller has (in another case), LIKE's own wildcards (which must match
      // only themselves), or nothing.
      search: fc.record({
        kind: fc.constantFrom('none', 'none', 'piece', 'piece', 'wildcards'),
        seed: fc.nat(),
        length: fc.integer({ min: 1, max: 12 }),
      }),
      limit: fc.integer({ min: 1, max: TICKET_PAGE_MAX + 1 }),
      // `listed`: a row of the expected result, so the page continues a real one; `foreign`: a real
      // row outside it (hidden by RLS, the filters or the status); `missing`: no such ticket.
      after: fc.record({ whose: fc.constantFrom<AfterKind>('listed', 'listed', 'none', 'foreign', 'missing'), index: fc.nat() }),
    });
    type ListDraw = typeof listArb extends fc.Arbitrary<infer T> ? T : never;

    async function drawFilters(tx: RlsTransaction, draw: ListDraw, status: postgres.Fragment): Promise<Filters> {
      if (draw.filters.kind === 'none') return {};
      if (draw.filters.kind === 'random') return randomFilters(seededRandom(draw.filters.seed), ids);
      // A day, in the drawn zone, of one of the caller's tickets with the drawn status; preferably
      // of one whose day there is not its UTC day, so that counting days in UTC gives another page.
      const days = await tx<{ day: string; shifted: boolean }[]>`
        select to_char(t.created_at at time zone ${draw.timeZone}, 'YYYY-MM-DD') as day,
               (t.created_at at time zone ${draw.timeZone})::date <> (t.created_at at time zone 'UTC')::date as shifted
          from tickets t where t.created_at is not null and ${status} order by t.id`;
      const shifted = days.filter((d) => d.shifted);
      const pool = shifted.length > 0 ? shifted : days;
      if (pool.length === 0) return {};
      const date = pool[draw.filters.seed % pool.length]!.day;
      return { created: draw.filters.seed % 3 === 0 ? { op: 'onOrBefore', date } : { op: 'on', date } };
    }

    async function drawSearch(tx: RlsTransaction, draw: ListDraw['search']): Promise<string | undefined> {
      if (draw.kind === 'none') return undefined;
      if (draw.kind === 'wildcards') return ['%', '_', 'a%', '%_%', '\\', 'ticket_regarding'][draw.seed % 6];
      const titles = await tx<{ title: string }[]>`select title from tickets order by id`;
      if (titles.length === 0) return 'nothing like this';
      const title = titles[draw.seed % titles.length]!.title;
      const start = draw.seed % Math.max(1, title.length - draw.length);
      const piece = title.slice(start, start + draw.length).trim() || title.trim();
      return draw.seed % 2 === 0 ? piece.toUpperCase() : piece;
    }

    function drawAfter(matching: Key[], draw: { whose: AfterKind; index: number }): Key | undefined {
      const k = draw.index;
      if (draw.whose === 'listed' && matching.length > 0) return matching[k % matching.length];
      if (draw.whose === 'foreign') {
        const listed = new Set(matching.map((r) => r.id));
        const foreign = everyTicket.filter((r) => !listed.has(r.id));
        return foreign.length > 0 ? foreign[k % foreign.length] : undefined;
      }
      // A nonexistent id at an instant real tickets have, so a tie on createdAt is decided by id.
      if (draw.whose === 'missing') return { id: maxTicketId + 1 + (k % 1000), createdAt: everyTicket[k % everyTicket.length]!.createdAt };
      return undefined;
    }

    const seen = { runs: 0, rows: 0, empty: 0, full: 0, zoneMatters: 0, searchedWithRows: 0, statusesWithRows: 0, after: { none: 0, listed: 0, foreign: 0, missing: 0 } };

    await fc.assert(
      fc.asyncProperty(userArb, listArb, async (pick, draw) => {
        const user = await userFor(pick);
        const { args, expected, afterKind, zoneMatters } = await withRls(user.me, async (tx) => {
          const status = tx`${draw.status ? tx`t.status in ${tx([...statuses[draw.status]])}` : tx`true`}
            and ${draw.statuses ? tx`t.status in ${tx(draw.statuses)}` : tx`true`}`;
          const filters = await drawFilters(tx, draw, status);
          const search = await drawSearch(tx, draw.search);
          const titled = search === undefined ? tx`true` : tx`position(lower(${search}) in lower(t.title)) > 0`;
          const where = references.get(draw.timeZone)!.where(filters);
          const matching = await tx<Key[]>`
            select t.id, ${tx.unsafe(ms)} as "createdAt" from tickets t
             where ${where} and ${status} and ${titled} and t.created_at is not null
             order by t.created_at desc, t.id desc`;
          const after = drawAfter(matching, draw.after);
          const args = {
            filters,
            status: draw.status,
            timeZone: draw.timeZone,
            limit: draw.limit,
            ...(draw.statuses ? { statuses: draw.statuses } : {}),
            ...(search === undefined ? {} : { search }),
            ...(after ? { after } : {}),
          };
          const keyset = after
            ? tx`(t.created_at is null or ${tx.unsafe(ms)} < ${after.createdAt}
                  or (${tx.unsafe(ms)} = ${after.createdAt} and t.id < ${after.id}))`
            : tx`true`;
          const pageWhere = (dayFilter: typeof where) => tx<Row[]>`
            select ${tx.unsafe(zeroSelectList('tickets', types, 't'))} from tickets t
             where ${dayFilter} and ${status} and ${titled} and ${keyset}
             order by t.created_at desc nulls last, t.id desc limit ${draw.limit}`;
          const page = await pageWhere(where);
          // Whether this run would notice days counted in UTC instead (reported below).
          const utcPage = filters.created && draw.timeZone !== 'UTC' ? await pageWhere(utc.where(filters)) : page;
          return {
            args,
            expected: await Promise.all(page.map((t) => ticketWithBasicsAs(tx, t))),
            afterKind: after ? draw.after.whose : ('none' as const),
            zoneMatters: JSON.stringify(utcPage.map((t) => t.id)) !== JSON.stringify(page.map((t) => t.id)),
          };
        });

        const rows = await syncedRows(zeroOf(user).materialize(queries.tickets.list(args)));
        expect(rows.map(zeroTicketWithBasics), `tickets.list(${JSON.stringify(args)}) as ${user.email}`).toEqual(expected);

        seen.runs += 1;
        seen.rows += expected.length;
        seen.after[afterKind] += 1;
        if (expected.length === 0) seen.empty += 1;
        if (expected.length === draw.limit) seen.full += 1;
        if (zoneMatters) seen.zoneMatters += 1;
        if (args.search !== undefined && expected.length > 0) seen.searchedWithRows += 1;
        if (args.statuses !== undefined && expected.length > 0) seen.statusesWithRows += 1;
      }),
      { numRuns: 50, endOnFailure: true, seed },
    );
    const a = seen.after;
    console.log(
      `tickets.list runs: ${seen.runs} (${seen.rows} rows; ${seen.empty} empty, ${seen.full} full pages; ` +
        `${seen.zoneMatters} pages UTC's days would change; ${seen.searchedWithRows} searched and ` +
        `${seen.statusesWithRows} exact-status pages with rows); after: ${a.listed} listed, ${a.foreign} foreign, ${a.missing} missing, ${a.none} none`,
    );
  });
});
