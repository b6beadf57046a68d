// Every analytics endpoint, called over HTTP as a signed-in admin (RLS on), against plain SQL on
// the provided tables (test/support/analytics-reference.ts): hand-computed cases for each operator
// and edge, ≥ 200 random filter combinations, and the rollups kept exact through writes. The
// reporting time zone is New York, so day and month boundaries are not UTC's and DST days occur.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../database/client.ts';
import { demoAdminEmail } from '../../database/seed/demo-accounts.ts';
import { buildScope } from '../../server/analytics/scope.ts';
import { actingAs, createRls, zeroDatabase } from '../../server/rls.ts';
import { ticketCondition } from '../../shared/analytics/filter-zql.ts';
import { matchesTicket, ticketPredicates } from '../../shared/analytics/predicates.ts';
import { zql } from '../../shared/zero/schema.gen.ts';
import type {
  ClientAnalysisResponse,
  Granularity,
  OverdueResponse,
  OverviewMetrics,
  OverviewResponse,
  ResponseTimeResponse,
  TeamPerformanceResponse,
  TicketDistributionResponse,
  TicketsOverTimeResponse,
} from '../../shared/analytics/api.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
import { Reference } from '../support/analytics-reference.ts';
import { priorities, randomFilters, seededRandom, type Random } from '../support/random-filters.ts';
import { startApiStack, type ApiStack, type SignedIn } from '../support/api-stack.ts';

const timeZone = 'America/New_York';
let stack: ApiStack;
let admin: SignedIn;
let ref: Reference;
let probeType: number;
let memberIds: number[];
let typeIds: number[];

async function post<T>(endpoint: string, body: unknown): Promise<T> {
  const res = await stack.api(`/api/analytics/${endpoint}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${endpoint} ${JSON.stringify(body)} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A rounded output against the exact reference: equal to 2 decimals (or both null). */
function near(actual: number | null, expected: number | null, what: string, tolerance = 0.005): void {
  if (expected === null || actual === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Number.isFinite(actual), `${what} is a finite number`).toBe(true);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs exact ${expected}`).toBeLessThanOrEqual(tolerance + 1e-9);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

// ---------------------------------------------------------------------------------------------
// Each endpoint checked against the reference.

function expectMetrics(actual: OverviewMetrics, expected: Awaited<ReturnType<Reference['overviewMetrics']>>, what: string) {
  expect(
    [actual.totalTickets, actual.openTickets, actual.resolvedTickets, actual.csatResponses],
    `${what} counts`,
  ).toEqual([expected.totalTickets, expected.openTickets, expected.resolvedTickets, expected.csatResponses]);
  near(actual.avgResolutionHours, expected.avgResolutionHours, `${what} avgResolutionHours`);
  near(actual.medianResolutionHours, expected.medianResolutionHours, `${what} medianResolutionHours`);
  near(actual.csat, expected.csat, `${what} csat`);
}

async function checkOverview(filters: Filters, what: string) {
  const actual = await post<OverviewResponse>('overview', { filters });
  expectMetrics(actual, await ref.overviewMetrics(filters), what);
  const previous = ref.previousRange(filters);
  expect(actual.previousRange, `${what} previousRange`).toEqual(previous);
  if (previous) {
    const prior = await ref.overviewMetrics({ ...filters, created: { op: 'between', ...previous } });
    expectMetrics(actual.previous!, prior, `${what} previous`);
  } else {
    expect(actual.previous, `${what} previous`).toBeNull();
  }
}

async function checkTicketsOverTime(filters: Filters, granularity: Granularity, what: string) {
  const actual = await post<TicketsOverTimeResponse>('tickets-over-time', { filters, granularity });
  expect(actual.range, `${what} range`).toEqual(ref.seriesRange(filters));
  expect(actual.buckets, `${what} ${granularity} buckets`).toEqual(await ref.ticketsOverTime(filters, granularity));
}

async function checkDistribution(filters: Filters, what: string) {
  const actual = await post<TicketDistributionResponse>('ticket-distribution', { filters });
  const expected = await ref.ticketDistribution(filters);
  const total = expected.byType.reduce((sum, t) => sum + t.count, 0);
  expect(actual.total, `${what} total`).toBe(total);
  const byType = [...expected.byType].sort((a, b) => b.count - a.count || a.ticketTypeId - b.ticketTypeId);
  expect(actual.byType.map((t) => [t.ticketTypeId, t.name, t.count]), `${what} byType`).toEqual(
    byType.map((t) => [t.ticketTypeId, t.name, t.count]),
  );
  actual.byType.forEach((t, i) =>
    near(t.percent, total === 0 ? null : (byType[i]!.count * 100) / total, `${what} percent of type ${t.ticketTypeId}`),
  );
  expect(actual.byPriority, `${what} byPriority`).toEqual(expected.byPriority);
}

async function checkTeam(filters: Filters, what: string) {
  const actual = await post<TeamPerformanceResponse>('team-performance', { filters });
  const expected = await ref.teamPerformance(filters);
  expect(actual.rows.map((r) => [r.teamMemberId, r.username, r.department, r.status, r.assigned, r.resolved, r.ratingCount])).toEqual(
    expected.map((r) => [r.teamMemberId, r.username, r.department, r.status, r.assigned, r.resolved, r.ratingCount]),
  );
  actual.rows.forEach((r, i) => {
    const e = expected[i]!;
    near(r.avgResolutionHours, e.avgResolutionHours, `${what} member ${r.teamMemberId} avg`);
    near(r.medianResolutionHours, e.medianResolutionHours, `${what} member ${r.teamMemberId} median`);
    near(r.avgRating, e.avgRating, `${what} member ${r.teamMemberId} rating`);
  });
}

type ClientParams = Parameters<Reference['clientAnalysis']>[1];

async function checkClients(filters: Filters, params: ClientParams, what: string) {
  const actual = await post<ClientAnalysisResponse>('client-analysis', { filters, ...params });
  const expected = await ref.clientAnalysis(filters, params);
  expect(actual.total, `${what} total`).toBe(expected.total);
  expect(
    actual.rows.map((r) => [r.clientId, r.clientName, r.planType, r.totalTickets, r.openTickets, r.lastTicketAt]),
    `${what} rows ${JSON.stringify(params)}`,
  ).toEqual(expected.rows.map((r) => [r.clientId, r.clientName, r.planType, r.totalTickets, r.openTickets, iso(r.lastTicketAt)]));
  actual.rows.forEach((r, i) => near(r.totalSpent, expected.rows[i]!.totalSpent, `${what} spent of client ${r.clientId}`));
}

async function checkResponseTime(filters: Filters, what: string) {
  const actual = await post<ResponseTimeResponse>('response-time', { filters });
  const expected = await ref.responseTime(filters);
  const stats = (a: ResponseTimeResponse['overall'], e: (typeof expected)['overall'], label: string) => {
    expect(a.count, `${label} count`).toBe(e.count);
    for (const k of ['min', 'max', 'median', 'avg', 'p90'] as const) near(a[k], e[k], `${label} ${k}`);
  };
  expect(actual.byPriority.map((p) => p.priority)).toEqual([...priorities]);
  actual.byPriority.forEach((p, i) => stats(p, expected.byPriority[i]!, `${what} ${p.priority}`));
  stats(actual.overall, expected.overall, `${what} overall`);
  expect(actual.byType.map((t) => [t.ticketTypeId, t.name, t.expectedHours, t.overdueCount]), `${what} byType`).toEqual(
    expected.byType.map((t) => [t.ticketTypeId, t.name, t.expectedHours, t.overdueCount]),
  );
  actual.byType.forEach((t, i) => near(t.avgActualHours, expected.byType[i]!.avgActualHours, `${what} type ${t.ticketTypeId} avg`));
  // The bins are the server's choice; they must be contiguous, and hold exactly the tickets in range.
  actual.histogram.forEach((bin, i) => {
    if (i > 0) expect(bin.fromHours, `${what} bins are contiguous`).toBe(actual.histogram[i - 1]!.toHours);
  });
  expect(actual.histogram.length, `${what} bins`).toBeLessThanOrEqual(16 + 9);
  expect(actual.histogram, `${what} histogram`).toEqual(await ref.resolutionHistogram(filters, actual.histogram));
  const binned = Object.fromEntries(priorities.map((p) => [p, actual.histogram.reduce((n, b) => n + b[p], 0)]));
  expect(binned, `${what} every resolved ticket is in a bin`).toEqual(
    Object.fromEntries(actual.byPriority.map((p) => [p.priority, p.count])),
  );
}

async function checkOverdue(filters: Filters, page: number, pageSize: number, what: string) {
  const actual = await post<OverdueResponse>('overdue', { filters, page, pageSize });
  const expected = await ref.overdue(filters, page, pageSize);
  expect(actual.total, `${what} overdue total`).toBe(expected.total);
  expect(
    actual.rows.map((r) => [r.ticketId, r.title, r.clientName, r.typeName, r.priority, r.status, r.createdAt, r.resolvedAt, r.expectedHours, r.breachingNow]),
    `${what} overdue rows`,
  ).toEqual(
    expected.rows.map((r) => [r.ticketId, r.title, r.clientName, r.typeName, r.priority, r.status, iso(r.createdAt), iso(r.resolvedAt), r.expectedHours, r.resolvedAt === null]),
  );
  actual.rows.forEach((r, i) => {
    const e = expected.rows[i]!;
    // A ticket still open ages between the server's clock reading and the reference's.
    const tolerance = r.breachingNow ? 0.02 : 0.005;
    near(r.actualHours, e.actualHours, `${what} ticket ${r.ticketId} actual`, tolerance);
    near(r.overByHours, e.actualHours - e.expectedHours, `${what} ticket ${r.ticketId} over`, tolerance);
  });
}

function randomClientParams(r: Random): ClientParams {
  return {
    search: r.pick(['', '', '', 'a', 'TECH', 'co', '%', 'zzz']),
    page: 1 + r.int(3),
    pageSize: r.pick([5, 20, 100]),
    sort: {
      by: r.pick(['totalTickets', 'openTickets', 'totalSpent', 'lastTicketAt', 'clientName']),
      direction: r.pick(['asc', 'desc'] as const),
    },
  };
}

async function checkEverything(r: Random, what: string) {
  const filters = randomFilters(r, { members: memberIds, types: typeIds });
  const label = `${what} ${JSON.stringify(filters)}`;
  await checkOverview(filters, label);
  await checkTicketsOverTime(filters, r.pick(['month', 'week', 'day'] as const), label);
  await checkDistribution(filters, label);
  await checkTeam(filters, label);
  await checkClients(filters, randomClientParams(r), label);
  await checkResponseTime(filters, label);
  await checkOverdue(filters, 1 + r.int(2), r.pick([5, 20]), label);
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  stack = await startApiStack('analytics', { tickets: 4000, seed: 11, env: { REPORT_TIMEZONE: timeZone }, zero: false });
  admin = await stack.signIn(demoAdminEmail);
  ref = new Reference(stack.db.sql, timeZone);
  const sql = stack.db.sql;
  memberIds = (await sql<{ id: number }[]>`select id from team_members order by id`).map((r) => r.id);
  typeIds = (await sql<{ id: number }[]>`select id from ticket_types order by id`).map((r) => r.id);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the seeded data has the cases peers got wrong', () => {
  it('unassigned, in-progress, closed tickets, failed payments and refunds', async () => {
    const [row] = await stack.db.sql<Record<string, number>[]>`
      select count(*) filter (where assigned_to is null)::int as unassigned,
             count(*) filter (where status = 'in_progress')::int as in_progress,
             count(*) filter (where status = 'closed')::int as closed,
             (select count(*) from payments where status = 'failed')::int as failed,
             (select count(*) from payments where amount_usd < 0)::int as refunds
        from tickets`;
    for (const [kind, n] of Object.entries(row!)) expect(n, kind).toBeGreaterThan(0);
  });
});

describe('hand-computed cases (probe tickets of a type of their own, New York time)', () => {
  // created (UTC)            local day   assignee priority status       resolved after  rating
  // A 2025-03-04T04:59:59Z   03-03       –        high     resolved     3 h             –
  // B 2025-03-04T05:00:00Z   03-04       1        low      open         –               –
  // C 2025-03-05T04:59:59Z   03-04       2        urgent   closed       1 h             5
  // D 2025-03-05T05:00:00Z   03-05       –        medium   in_progress  –               –
  // E 2025-03-10T03:59:59Z   03-09 (DST) 1        high     resolved     30 min          3
  // F 2025-03-10T04:00:00Z   03-10       1        high     closed       – (no date)     –
  // G 2025-03-04T12:00:00Z   03-04       2        medium   in_progress  5 h (reopened)  –
  // The type expects 2 h: A and G were resolved late, B and D are open and breaching now.
  const probes = {
    A: ['2025-03-04T04:59:59Z', null, 'high', 'resolved', 3 * 3600, null],
    B: ['2025-03-04T05:00:00Z', 1, 'low', 'open', null, null],
    C: ['2025-03-05T04:59:59Z', 2, 'urgent', 'closed', 3600, 5],
    D: ['2025-03-05T05:00:00Z', null, 'medium', 'in_progress', null, null],
    E: ['2025-03-10T03:59:59Z', 1, 'high', 'resolved', 1800, 3],
    F: ['2025-03-10T04:00:00Z', 1, 'high', 'closed', null, null],
    G: ['2025-03-04T12:00:00Z', 2, 'medium', 'in_progress', 5 * 3600, null],
  } as const;
  const ids: Record<string, number> = {};
  const only = (extra: Filters = {}): Filters => ({ ticketType: { op: 'is', ids: [probeType] }, ...extra });

  beforeAll(async () => {
    const sql = stack.db.sql;
    const [type] = await sql<{ id: number }[]>`
      insert into ticket_types (type_name, department, priority, avg_resolution_hours)
      values ('Probe', 'support', 'medium', 2) returning id`;
    probeType = type!.id;
    typeIds.push(probeType);
    for (const [name, [created, assignee, priority, status, resolvedAfter, rating]] of Object.entries(probes)) {
      const resolvedAt = resolvedAfter === null ? null : new Date(Date.parse(created) + resolvedAfter * 1000);
      const [t] = await sql<{ id: number }[]>`
        insert into tickets (client_id, assigned_to, ticket_type_id, priority, status, title, created_at, resolved_at)
        values (1, ${assignee}, ${probeType}, ${priority}, ${status}, ${`Probe ${name}`}, ${created}, ${resolvedAt})
        returning id`;
      ids[name] = t!.id;
      if (rating !== null) await sql`insert into ticket_feedback (ticket_id, rating) values (${t!.id}, ${rating})`;
    }
  });

  it('overview: all probes, one local day, the DST day, and each operator on the assignee', async () => {
    const overview = (extra?: Filters) => post<OverviewResponse>('overview', { filters: only(extra) });
    expect(await overview()).toMatchObject({
      totalTickets: 7,
      openTickets: 3,
      resolvedTickets: 4,
      avgResolutionHours: 2.38, // (3 + 1 + 0.5 + 5) / 4 = 2.375
      medianResolutionHours: 2, // 0.5, 1 | 3, 5
      csat: 4,
      csatResponses: 2,
      previous: null,
    });
    expect(await overview({ created: { op: 'on', date: '2025-03-04' } })).toMatchObject({
      totalTickets: 3, // B, C, G
      openTickets: 2,
      resolvedTickets: 1,
      avgResolutionHours: 3,
      medianResolutionHours: 3,
      csat: 5,
      csatResponses: 1,
      previousRange: { from: '2025-03-03', to: '2025-03-03' },
      previous: { totalTickets: 1, openTickets: 0, resolvedTickets: 1, avgResolutionHours: 3, medianResolutionHours: 3, csat: null, csatResponses: 0 },
    });
    expect(await overview({ created: { op: 'on', date: '2025-03-09' } })).toMatchObject({ totalTickets: 1, medianResolutionHours: 0.5, csat: 3 });
    expect(await overview({ created: { op: 'between', from: '2025-03-05', to: '2025-03-10' } })).toMatchObject({
      totalTickets: 3, // D, E, F
      previousRange: { from: '2025-02-27', to: '2025-03-04' },
      previous: { totalTickets: 4 }, // A, B, C, G
    });
    const count = async (assignee: Filters['assignee']) => (await overview({ assignee })).totalTickets;
    expect(await count({ op: 'is', ids: [1] })).toBe(3); // B, E, F
    expect(await count({ op: 'is', ids: [null] })).toBe(2); // A, D
    expect(await count({ op: 'isNot', ids: [1] })).toBe(4); // A, C, D, G: unassigned kept
    expect(await count({ op: 'isNot', ids: [null] })).toBe(5);
    expect(await count({ op: 'isAnyOf', ids: [2, null] })).toBe(4); // A, C, D, G
    expect(await count({ op: 'isNoneOf', ids: [1, 3] })).toBe(4);
    expect(await count({ op: 'isNoneOf', ids: [1, null] })).toBe(2); // C, G
    const byPriority = async (priority: Filters['priority']) => (await overview({ priority })).totalTickets;
    expect(await byPriority({ op: 'isNot', values: ['high'] })).toBe(4);
    expect(await byPriority({ op: 'isAnyOf', values: ['low', 'urgent'] })).toBe(2);
    expect(await overview({ created: { op: 'onOrBefore', date: '2025-03-03' } })).toMatchObject({ totalTickets: 1 }); // A
    expect(await overview({ created: { op: 'onOrAfter', date: '2025-03-10' } })).toMatchObject({ totalTickets: 1 }); // F
  });

  it('tickets over time: created and resolved on local days', async () => {
    const series = await post<TicketsOverTimeResponse>('tickets-over-time', {
      filters: only({ created: { op: 'between', from: '2025-03-03', to: '2025-03-10' } }),
      granularity: 'day',
    });
    expect(series.buckets).toEqual([
      { period: '2025-03-03', created: 1, resolved: 0 },
      { period: '2025-03-04', created: 3, resolved: 2 }, // A resolved 02:59 local, G 12:00
      { period: '2025-03-05', created: 1, resolved: 1 }, // C resolved 00:59 local
      { period: '2025-03-06', created: 0, resolved: 0 },
      { period: '2025-03-07', created: 0, resolved: 0 },
      { period: '2025-03-08', created: 0, resolved: 0 },
      { period: '2025-03-09', created: 1, resolved: 0 },
      { period: '2025-03-10', created: 1, resolved: 1 }, // E resolved 00:29 EDT
    ]);
    const weeks = await post<TicketsOverTimeResponse>('tickets-over-time', {
      filters: only({ created: { op: 'between', from: '2025-03-01', to: '2025-03-16' } }),
      granularity: 'week',
    });
    expect(weeks.buckets).toEqual([
      { period: '2025-02-24', created: 0, resolved: 0 },
      { period: '2025-03-03', created: 6, resolved: 3 },
      { period: '2025-03-10', created: 1, resolved: 1 },
    ]);
    const months = await post<TicketsOverTimeResponse>('tickets-over-time', { filters: only() });
    expect(months.range).toEqual({ from: '2025-01-01', to: '2025-11-30' });
    expect(months.buckets).toHaveLength(11);
    expect(months.buckets.find((b) => b.period === '2025-03')).toEqual({ period: '2025-03', created: 7, resolved: 4 });
  });

  it('distribution, team performance and response time', async () => {
    const distribution = await post<TicketDistributionResponse>('ticket-distribution', { filters: only() });
    expect(distribution.total).toBe(7);
    expect(distribution.byType[0]).toMatchObject({ ticketTypeId: probeType, name: 'Probe', count: 7, percent: 100 });
    expect(distribution.byType.slice(1).every((t) => t.count === 0 && t.percent === 0)).toBe(true);
    expect(distribution.byPriority).toEqual([
      { priority: 'low', open: 1, closed: 0 },
      { priority: 'medium', open: 2, closed: 0 },
      { priority: 'high', open: 0, closed: 3 },
      { priority: 'urgent', open: 0, closed: 1 },
    ]);

    const team = await post<TeamPerformanceResponse>('team-performance', { filters: only() });
    expect(team.rows).toHaveLength(memberIds.length);
    expect(team.rows.find((r) => r.teamMemberId === 1)).toMatchObject({
      assigned: 3, resolved: 2, avgResolutionHours: 0.5, medianResolutionHours: 0.5, avgRating: 3, ratingCount: 1,
    });
    expect(team.rows.find((r) => r.teamMemberId === 2)).toMatchObject({
      assigned: 2, resolved: 1, avgResolutionHours: 3, medianResolutionHours: 3, avgRating: 5, ratingCount: 1,
    });
    expect(team.rows.find((r) => r.teamMemberId === 3)).toMatchObject({
      assigned: 0, resolved: 0, avgResolutionHours: null, medianResolutionHours: null, avgRating: null, ratingCount: 0,
    });

    const rt = await post<ResponseTimeResponse>('response-time', { filters: only() });
    expect(rt.byPriority).toEqual([
      { priority: 'low', count: 0, min: null, max: null, median: null, avg: null, p90: null },
      { priority: 'medium', count: 1, min: 5, max: 5, median: 5, avg: 5, p90: 5 },
      { priority: 'high', count: 2, min: 0.5, max: 3, median: 1.75, avg: 1.75, p90: 2.75 },
      { priority: 'urgent', count: 1, min: 1, max: 1, median: 1, avg: 1, p90: 1 },
    ]);
    // 0.5, 1, 3, 5: p90 at position 2.7 → 3 + 0.7 × 2
    expect(rt.overall).toEqual({ count: 4, min: 0.5, max: 5, median: 2, avg: 2.38, p90: 4.4 });
    expect(rt.histogram.map((b) => [b.fromHours, b.toHours, b.low, b.medium, b.high, b.urgent])).toEqual([
      [0, 1, 0, 0, 1, 0],
      [1, 2, 0, 0, 0, 1],
      [2, 3, 0, 0, 0, 0],
      [3, 4, 0, 0, 1, 0],
      [4, 5, 0, 0, 0, 0],
      [5, 6, 0, 1, 0, 0],
    ]);
    expect(rt.byType.find((t) => t.ticketTypeId === probeType)).toEqual({
      ticketTypeId: probeType, name: 'Probe', expectedHours: 2, avgActualHours: 2.38, overdueCount: 4,
    });
  });

  it('overdue: resolved late and breaching now, newest first', async () => {
    const overdue = await post<OverdueResponse>('overdue', { filters: only() });
    expect(overdue.total).toBe(4);
    expect(overdue.rows.map((r) => [r.ticketId, r.status, r.breachingNow, r.resolvedAt === null])).toEqual([
      [ids.D, 'in_progress', true, true],
      [ids.G, 'in_progress', false, false],
      [ids.B, 'open', true, true],
      [ids.A, 'resolved', false, false],
    ]);
    expect(overdue.rows[1]).toMatchObject({ actualHours: 5, expectedHours: 2, overByHours: 3, typeName: 'Probe', title: 'Probe G' });
    expect(overdue.rows[3]).toMatchObject({ actualHours: 3, overByHours: 1, createdAt: '2025-03-04T04:59:59.000Z' });
    const page2 = await post<OverdueResponse>('overdue', { filters: only(), page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.ticketId)).toEqual([ids.A]);
  });

  it('client analysis: the probes belong to client 1', async () => {
    const clients = await post<ClientAnalysisResponse>('client-analysis', { filters: only(), pageSize: 100 });
    expect(clients.rows[0]).toMatchObject({ clientId: 1, totalTickets: 7, openTickets: 3, lastTicketAt: '2025-03-10T04:00:00.000Z' });
    expect(clients.rows.slice(1).every((c) => c.totalTickets === 0 && c.lastTicketAt === null)).toBe(true);
    expect(clients.total).toBe(clients.rows.length);
  });

  it('an empty selection gives zeros and nulls, never NaN', async () => {
    const none: Filters = { created: { op: 'on', date: '2030-01-01' } };
    expect(await post<OverviewResponse>('overview', { filters: none })).toMatchObject({
      totalTickets: 0, openTickets: 0, resolvedTickets: 0, avgResolutionHours: null, medianResolutionHours: null, csat: null, csatResponses: 0,
      previous: { totalTickets: 0, avgResolutionHours: null },
    });
    const distribution = await post<TicketDistributionResponse>('ticket-distribution', { filters: none });
    expect(distribution.total).toBe(0);
    expect(distribution.byType.every((t) => t.count === 0 && t.percent === null)).toBe(true);
    const rt = await post<ResponseTimeResponse>('response-time', { filters: none });
    expect(rt.overall).toEqual({ count: 0, min: null, max: null, median: null, avg: null, p90: null });
    expect(rt.histogram).toEqual([]);
    expect(rt.byType.every((t) => t.avgActualHours === null && t.overdueCount === 0)).toBe(true);
    const series = await post<TicketsOverTimeResponse>('tickets-over-time', { filters: none });
    expect(series.buckets).toEqual([{ period: '2030-01', created: 0, resolved: 0 }]);
    expect(await post<OverdueResponse>('overdue', { filters: none })).toMatchObject({ rows: [], total: 0 });
    const team = await post<TeamPerformanceResponse>('team-performance', { filters: { assignee: { op: 'is', ids: [999] } } });
    expect(team.rows.every((r) => r.assigned === 0 && r.medianResolutionHours === null)).toBe(true);
    expect(JSON.stringify(await post('client-analysis', { filters: none, search: 'no such client' }))).toBe(
      JSON.stringify({ rows: [], total: 0, page: 1, pageSize: 20 }),
    );
  });

  it('the probes agree with the reference too, on every endpoint', async () => {
    for (const extra of [{}, { created: { op: 'on', date: '2025-03-04' } }, { assignee: { op: 'isNot', ids: [1] } }] as Filters[]) {
      const filters = only(extra);
      const what = `probes ${JSON.stringify(extra)}`;
      await checkOverview(filters, what);
      await checkTicketsOverTime(filters, 'day', what);
      await checkDistribution(filters, what);
      await checkTeam(filters, what);
      await checkResponseTime(filters, what);
      await checkOverdue(filters, 1, 20, what);
    }
  });
});

describe('random filter combinations against the reference', () => {
  it('every endpoint agrees for 200 combinations (and no filter at all)', async () => {
    const r = seededRandom(20251121);
    await checkOverview({}, 'no filter');
    await checkTicketsOverTime({}, 'month', 'no filter');
    await checkResponseTime({}, 'no filter');
    for (let i = 0; i < 200; i++) await checkEverything(r, `combination ${i} (seed 20251121)`);
  });
});

describe('the batch endpoint', () => {
  const every = [
    ['overview', 'overview', (f: Filters) => ({ filters: f })],
    ['ticketsOverTime', 'tickets-over-time', (f: Filters) => ({ filters: f, granularity: 'week' })],
    ['ticketDistribution', 'ticket-distribution', (f: Filters) => ({ filters: f })],
    ['teamPerformance', 'team-performance', (f: Filters) => ({ filters: f })],
    ['clientAnalysis', 'client-analysis', (f: Filters) => ({ filters: f, pageSize: 5, sort: { by: 'clientName', direction: 'asc' } })],
    ['responseTime', 'response-time', (f: Filters) => ({ filters: f })],
    ['overdue', 'overdue', (f: Filters) => ({ filters: f, page: 2, pageSize: 7 })],
  ] as const;

  // An unresolved ticket's age grows between the batch and the route asked after it, so its two hour
  // fields are left out; everything else must be equal.
  const timeless = (data: unknown): unknown =>
    data && typeof data === 'object' && 'rows' in data && Array.isArray(data.rows)
      ? {
          ...data,
          rows: (data.rows as Record<string, unknown>[]).map((r) =>
            r.resolvedAt === null && 'actualHours' in r ? { ...r, actualHours: 'open', overByHours: 'open' } : r,
          ),
        }
      : data;

  it('answers every endpoint exactly as its own route does, for 25 filter combinations', async () => {
    const r = seededRandom(7);
    for (let i = 0; i < 25; i++) {
      const filters = randomFilters(r, { members: memberIds, types: typeIds });
      const { results } = await post<{ results: { ok: boolean; endpoint: string; data: unknown }[] }>('batch', {
        requests: every.map(([endpoint, , body]) => ({ endpoint, body: body(filters) })),
      });
      expect(results.map((x) => [x.ok, x.endpoint])).toEqual(every.map(([endpoint]) => [true, endpoint]));
      for (const [k, [, path, body]] of every.entries()) {
        expect(timeless(results[k]!.data), `${path} in a batch, filters ${JSON.stringify(filters)}`).toEqual(
          timeless(await post(path, body(filters))),
        );
      }
      // And independently of the routes: the total is the reference's.
      const overview = results[0]!.data as OverviewResponse;
      expect(overview.totalTickets).toBe((await ref.overviewMetrics(filters)).totalTickets);
    }
  });

  it('refuses a bad item on its own and a bad batch as a whole', async () => {
    const { results } = await post<{ results: { ok: boolean; status?: number; error?: string; fields?: Record<string, string> }[] }>('batch', {
      requests: [
        { endpoint: 'overview', body: { filters: { priority: { op: 'is', values: ['high', 'low'] } } } },
        { endpoint: 'ticketDistribution' },
        { endpoint: 'overdue', body: { page: 0 } },
      ],
    });
    expect(results.map((x) => [x.ok, x.status ?? 200, x.error ?? null])).toEqual([
      [false, 400, 'invalid_request'],
      [true, 200, null],
      [false, 400, 'invalid_request'],
    ]);
    expect(Object.keys(results[0]!.fields ?? {})).toEqual(['filters.priority.values']);
    expect(Object.keys(results[2]!.fields ?? {})).toEqual(['page']);

    const send = (body: unknown) =>
      stack.api('/api/analytics/batch', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const cases: [unknown, string][] = [
      [{ requests: [] }, 'requests'],
      [{ requests: Array.from({ length: 13 }, () => ({ endpoint: 'overview' })) }, 'requests'],
      [{ requests: [{ endpoint: 'everything' }] }, 'requests.0.endpoint'],
      [{ requests: [{ endpoint: 'overview', body: {}, extra: 1 }] }, 'requests.0'],
      [{}, 'requests'],
    ];
    for (const [body, field] of cases) {
      const res = await send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = (await res.json()) as { error: string; fields?: Record<string, string> };
      expect(problem.error).toBe('invalid_request');
      expect(Object.keys(problem.fields ?? {}), JSON.stringify(problem)).toContain(field);
    }
  });
});

describe('the change version each answer reflects', () => {
  const staffCounter = async () => {
    const [row] = await stack.db.sql<{ version: string }[]>`select version from change_counters where id = 0`;
    return row!.version;
  };
  const ask = (path: string, body: unknown) =>
    stack.api(`/api/analytics/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', origin: stack.config.urls.host },
      body: JSON.stringify(body),
    });

  it('is the staff counter of the answer’s snapshot, on a route and on a batch, readable by the host’s pages', async () => {
    const before = await staffCounter();
    const batch = { requests: [{ endpoint: 'overview' }, { endpoint: 'overdue' }] };
    for (const res of [await ask('overview', {}), await ask('batch', batch)]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('ops-change-version')).toBe(before);
      expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('ops-change-version');
    }
    const [ticket] = await stack.db.sql<{ id: number }[]>`
      insert into tickets (client_id, ticket_type_id, status, priority, title, created_at)
      select (select min(id) from clients), (select min(id) from ticket_types), 'open', 'low', 'Change version probe', now()
      returning id`;
    try {
      const after = await staffCounter();
      expect(BigInt(after)).toBeGreaterThan(BigInt(before));
      expect((await ask('overview', {})).headers.get('ops-change-version')).toBe(after);
      expect((await ask('batch', { requests: [{ endpoint: 'ticketDistribution' }] })).headers.get('ops-change-version')).toBe(after);
    } finally {
      await stack.db.sql`delete from tickets where id = ${ticket!.id}`;
    }
  });
});

describe('one filter model, three compiled forms', () => {
  it('SQL (analytics), ZQL (ticket lists), the JS evaluator and the reference select the same tickets', async () => {
    const runtime = connect(stack.config.postgres.runtimeUrl!, { max: 2 });
    try {
      const withRls = createRls(runtime);
      const zero = zeroDatabase(withRls);
      const all = await stack.db.sql<{ id: number; created_at: Date | null; assigned_to: number | null; ticket_type_id: number; priority: string | null }[]>`
        select id, created_at, assigned_to, ticket_type_id, priority from tickets`;
      const r = seededRandom(424242);
      for (let i = 0; i < 200; i++) {
        const filters = randomFilters(r, { members: memberIds, types: typeIds });
        const what = `filters ${i} ${JSON.stringify(filters)}`;
        const p = ticketPredicates(filters, timeZone);
        const expected = (await stack.db.sql<{ id: number }[]>`select t.id from tickets t where ${ref.where(filters)}`)
          .map((t) => t.id)
          .sort((a, b) => a - b);
        const sqlIds = await withRls(admin.me, async (tx) =>
          (await tx<{ id: number }[]>`select f.ticket_id as id from analytics.ticket_facts f where ${buildScope(tx, p, timeZone).facts}`).map((t) => t.id),
        );
        const zqlIds = (await actingAs(admin.me, () => zero.run(zql.tickets.where((eb) => ticketCondition(eb, p))))).map((t) => t.id);
        const evaluated = all
          .filter((t) =>
            matchesTicket({ createdAt: t.created_at?.getTime() ?? null, assignedTo: t.assigned_to, ticketTypeId: t.ticket_type_id, priority: t.priority }, p),
          )
          .map((t) => t.id);
        const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
        expect(sorted(sqlIds), `${what}: SQL`).toEqual(expected);
        expect(sorted(zqlIds), `${what}: ZQL`).toEqual(expected);
        expect(sorted(evaluated), `${what}: evaluator`).toEqual(expected);
      }
    } finally {
      await runtime.end();
    }
  });
});

describe('rollups under writes', () => {
  const sql = () => stack.db.sql;
  const snapshot = async () => {
    const s = sql();
    const rows = async (query: PromiseLike<readonly unknown[]>) => (await query).map((r) => JSON.stringify(r));
    return {
      facts: await rows(s`select * from analytics.ticket_facts order by ticket_id`),
      months: await rows(s`
        select dims, month, assigned_to, ticket_type_id, priority, n, open_n, closed_n, res_n, unresolved_n,
               round(res_sum::numeric, 3) as res_sum, rating_n, rating_sum, hist::text
          from analytics.month_cells where n <> 0 or rating_n <> 0
         order by dims, month, assigned_to, ticket_type_id, priority`),
      days: await rows(s`select dims, month, assigned_to, ticket_type_id, priority, created_days::text, resolved_days::text from analytics.series_cells where created_days <> 0 or resolved_days <> 0 order by dims, month, assigned_to, ticket_type_id, priority`),
      clients: await rows(s`select dims, block, month, assigned_to, ticket_type_id, priority, n::text, open_n::text from analytics.client_cells where n <> 0 order by dims, block, month, assigned_to, ticket_type_id, priority`),
    };
  };

  it('stay exact through inserts, updates, deletes and feedback changes, and equal a full rebuild', async () => {
    const r = seededRandom(7);
    const s = sql();
    const someTickets = async (n: number) =>
      (await s<{ id: number }[]>`select id from tickets order by md5(id::text || ${r.int(1_000_000)}) limit ${n}`).map((t) => t.id);
    const statuses = ['open', 'in_progress', 'resolved', 'closed'];
    for (let round = 0; round < 25; round++) {
      const ids = await someTickets(1 + r.int(40));
      switch (round % 8) {
        case 0:
          await s`update tickets set status = ${r.pick(statuses)},
                    resolved_at = case when ${r.next() < 0.5} then null else created_at + ${`${r.int(100)} hours`}::interval end
                  where id = ANY(${ids})`;
          break;
        case 1:
          await s`update tickets set assigned_to = ${r.next() < 0.3 ? null : r.pick(memberIds)} where id = ANY(${ids})`;
          break;
        case 2:
          await s`update tickets set priority = ${r.pick(priorities)}, ticket_type_id = ${r.pick(typeIds)} where id = ANY(${ids})`;
          break;
        case 3:
          // Moves tickets across days, months and the DST change.
          await s`update tickets set created_at = created_at + ${`${r.int(60) - 30} days ${r.int(24)} hours`}::interval,
                                     client_id = ${1 + r.int(5)}
                  where id = ANY(${ids})`;
          break;
        case 4:
          await s`insert into tickets (client_id, assigned_to, ticket_type_id, priority, status, title, created_at, resolved_at)
                  select 1 + (g % 7), case when g % 5 = 0 then null else ${r.pick(memberIds)}::int end, ${r.pick(typeIds)},
                         ${r.pick(priorities)}, ${r.pick(statuses)}, 'Written by the test',
                         timestamptz '2025-03-08 12:00Z' + g * ${`${1 + r.int(20)} hours`}::interval,
                         case when g % 3 = 0 then null else timestamptz '2025-03-08 12:00Z' + g * interval '1 day' end
                    from generate_series(1, ${5 + r.int(30)}) as g`;
          break;
        case 5:
          await s.begin(async (tx) => {
            await tx`delete from ticket_feedback where ticket_id = ANY(${ids})`;
            await tx`delete from ticket_messages where ticket_id = ANY(${ids})`;
            await tx`delete from tickets where id = ANY(${ids})`;
          });
          break;
        case 6:
          await s`insert into ticket_feedback (ticket_id, rating)
                  select id, 1 + (id % 5) from tickets where id = ANY(${ids}) on conflict (ticket_id) do nothing`;
          await s`update ticket_feedback set rating = 6 - rating where ticket_id = ANY(${ids.slice(0, 5)})`;
          break;
        case 7: {
          const [free] = await s<{ id: number }[]>`
            select t.id from tickets t where not exists (select 1 from ticket_feedback f where f.ticket_id = t.id) limit 1`;
          await s`update ticket_feedback set ticket_id = ${free!.id}
                   where id = (select min(id) from ticket_feedback where ticket_id <> ${free!.id})`;
          await s`delete from ticket_feedback where ticket_id = ANY(${ids.slice(0, 3)})`;
          break;
        }
      }
    }
    for (let i = 0; i < 15; i++) await checkEverything(r, `after writes, combination ${i} (seed 7)`);

    const incremental = await snapshot();
    await s`select analytics.rebuild()`;
    const rebuilt = await snapshot();
    expect(incremental.facts.length).toBeGreaterThan(3500);
    expect(incremental.facts).toEqual(rebuilt.facts);
    expect(incremental.months).toEqual(rebuilt.months);
    expect(incremental.days).toEqual(rebuilt.days);
    expect(incremental.clients).toEqual(rebuilt.clients);
  });
});

describe('requests the endpoints refuse', () => {
  it('invalid bodies get 400 with field-level messages', async () => {
    const send = (endpoint: string, body: unknown) =>
      stack.api(`/api/analytics/${endpoint}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const cases: [string, unknown, string][] = [
      ['overview', { filters: { created: { op: 'between', from: '2025-05-01', to: '2025-04-01' } } }, 'filters.created.to'],
      ['overview', { filters: { assignee: { op: 'is', ids: [1, 2] } } }, 'filters.assignee.ids'],
      ['overview', { filters: { priority: { op: 'isAnyOf', values: ['critical'] } } }, 'filters.priority.values.0'],
      ['tickets-over-time', { granularity: 'year' }, 'granularity'],
      ['client-analysis', { pageSize: 500 }, 'pageSize'],
      ['client-analysis', { sort: { by: 'revenue' } }, 'sort.by'],
      ['overdue', { page: 0 }, 'page'],
      ['team-performance', { filters: {}, extra: true }, ''],
    ];
    for (const [endpoint, body, field] of cases) {
      const res = await send(endpoint, body);
      expect(res.status, `${endpoint} ${JSON.stringify(body)}`).toBe(400);
      const problem = (await res.json()) as { error: string; fields?: Record<string, string[]> };
      expect(problem.error).toBe('invalid_request');
      if (field) expect(Object.keys(problem.fields ?? {}), JSON.stringify(problem)).toContain(field);
    }
    const notJson = await stack.api('/api/analytics/overview', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
  });
});
