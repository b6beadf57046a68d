// Better Auth, identity and embed tokens against the real stack: what a hostile or careless caller
// tries, and what must happen when an admin disables someone or moves them to another tenant.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries } from '../../shared/zero/queries.ts';
import { embedApiKey, embedOrigin, startApiStack, type ApiStack, type SignedIn } from '../support/api-stack.ts';
import { watch } from '../support/zero-client.ts';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack('auth', { tickets: 1500, seed: 5 });
});
afterAll(async () => {
  await stack?.stop();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: stack.config.urls.host, ...headers },
  body: JSON.stringify(body),
});

async function userRow(email: string) {
  const [row] = await stack.db.sql<{ id: string; role: string; status: string; client_id: number | null }[]>`
    select id, role, status, client_id from users where email = ${email}`;
  return row;
}

let nextIp = 200;
/** A source address no other test used, so rate-limit buckets start empty. */
function ip(): string {
  nextIp += 1;
  return `127.1.0.${nextIp % 250}`;
}

describe('no public sign-up; role, tenant and status are server-owned', () => {
  it('refuses sign-up, even one carrying a role and a tenant, and creates nothing', async () => {
    const res = await stack.api(
      '/api/auth/sign-up/email',
      { ...json({ email: 'mallory@example.com', password: 'mallory-password', name: 'Mallory', role: 'admin', clientId: 1 }), from: ip() },
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'EMAIL_PASSWORD_SIGN_UP_DISABLED' });
    expect(await userRow('mallory@example.com')).toBeUndefined();
  });

  it('refuses profile updates of role, tenant or status and leaves the user as it was', async () => {
    const client = await stack.signIn('admin@techstart.com');
    const before = await userRow('admin@techstart.com');
    for (const field of [{ role: 'admin' }, { clientId: 2 }, { status: 'active' }, { teamMemberId: 1 }]) {
      const res = await stack.api('/api/auth/update-user', json(field, { authorization: `Bearer ${client.token}` }));
      expect(res.status, JSON.stringify(field)).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/is not allowed to be set/);
    }
    expect(await userRow('admin@techstart.com')).toEqual(before);
    const rename = await stack.api('/api/auth/update-user', json({ name: 'TechStart' }, { authorization: `Bearer ${client.token}` }));
    expect(rename.status).toBe(200);
  });
});

describe('responses never reveal whether an email exists', () => {
  it('answers an unknown email and a wrong password identically at sign-in', async () => {
    const from = ip();
    const unknown = await stack.api('/api/auth/sign-in/email', { ...json({ email: 'nobody@example.com', password: 'whatever-123' }), from });
    const wrong = await stack.api('/api/auth/sign-in/email', { ...json({ email: 'admin@company.com', password: 'whatever-123' }), from });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('answers password-link requests identically for accounts, allowlisted emails and strangers', async () => {
    const answers: { status: number; body: unknown; ms: number }[] = [];
    for (const email of ['admin@company.com', 'hello@startuphub.co', 'stranger@example.com']) {
      const started = performance.now();
      const res = await stack.api('/api/auth/request-password-reset', {
        ...json({ email, redirectTo: `${stack.config.urls.host}/set-password` }),
        from: ip(),
      });
      answers.push({ status: res.status, body: await res.json(), ms: performance.now() - started });
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
    // Every answer waits out the same floor, whatever work was done behind it.
    for (const a of answers) expect(a.ms).toBeGreaterThanOrEqual(395);
    expect(await userRow('stranger@example.com')).toBeUndefined();
  });

  it('answers a forged set-password token without detail', async () => {
    const res = await stack.api('/api/auth/reset-password', { ...json({ newPassword: 'a-new-password', token: 'forged' }), from: ip() });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });
});

describe('rate limits', () => {
  it('allows five sign-in attempts a minute from one address, then 429; other addresses are unaffected', async () => {
    const from = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await stack.api('/api/auth/sign-in/email', { ...json({ email: 'admin@company.com', password: 'wrong-password' }), from });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const other = await stack.api('/api/auth/sign-in/email', { ...json({ email: 'admin@company.com', password: 'wrong-password' }), from: ip() });
    expect(other.status).toBe(401);
    // Forwarded headers are client-controlled and ignored: spoofing one does not reset the bucket.
    const spoofed = await stack.api('/api/auth/sign-in/email', {
      ...json({ email: 'admin@company.com', password: 'wrong-password' }, { 'x-forwarded-for': '203.0.113.9', 'x-client-ip': '203.0.113.9' }),
      from,
    });
    expect(spoofed.status).toBe(429);
  });
});

/** POST /api/zero/query the way zero-cache does, for one synced query. */
async function zeroQuery(headers: Record<string, string>, name = 'tickets.recent') {
  return stack.api('/api/zero/query?schema=zero_0&appID=zero', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(['transform', [{ id: 'q1', name, args: [] }]]),
  });
}

describe('the session cookie cache', () => {
  const cacheCookie = /(^|\.)session_data=/;
  const cookieNames = (res: Response) => res.headers.getSetCookie().map((c) => c.split('=')[0]);

  it('is renewed by an API request that had to read the session from the database', async () => {
    const staff = await stack.signIn('emily.brown@company.com');
    const parts = staff.cookie.split('; ');
    expect(parts.some((c) => cacheCookie.test(c))).toBe(true);
    const tokenOnly = parts.filter((c) => !cacheCookie.test(c)).join('; ');

    const cached = await stack.api('/api/me', { headers: { cookie: staff.cookie } });
    expect(cached.status).toBe(200);
    expect(cookieNames(cached)).toEqual([]);

    // As a browser whose cache cookie has expired: the API reads the session and renews it.
    const expired = await stack.api('/api/me', { headers: { cookie: tokenOnly } });
    expect(expired.status).toBe(200);
    const renewed = expired.headers.getSetCookie().find((c) => cacheCookie.test(c));
    expect(renewed).toMatch(/HttpOnly/i);
    // 25 s: with the API's 5 s memo of verified cookies, account changes reach cookie requests within 30 s.
    expect(renewed).toMatch(/Max-Age=25\b/);
    expect((await expired.json()) as unknown).toMatchObject({ userId: staff.me.userId, role: staff.me.role });

    const again = await stack.api('/api/me', { headers: { cookie: `${tokenOnly}; ${renewed?.split(';')[0]}` } });
    expect(again.status).toBe(200);
    expect(cookieNames(again)).toEqual([]);
  });

  it('answers a cookie the API verified moments ago from memory, but never a path that reads the user afresh', async () => {
    const email = 'hello@devshop.com';
    const user = await stack.signIn(email);
    const cookie = { cookie: user.cookie };
    expect((await stack.api('/api/me', { headers: cookie })).status).toBe(200);
    await stack.db.sql`update users set status = 'disabled' where email = ${email}`;
    try {
      // The signed cookie cache answers as before (documented: within 30 s), and the memo with it.
      expect((await stack.api('/api/me', { headers: cookie })).status).toBe(200);
      // The Zero endpoints and admin routes read the user every time, memo or not.
      const zero = await zeroQuery(cookie);
      expect(zero.status).toBe(403);
      expect(await zero.json()).toMatchObject({ error: 'account_disabled' });
      // So does a signed session token sent as Bearer.
      expect((await stack.api('/api/me', { headers: { authorization: `Bearer ${user.token}` } })).status).toBe(403);
    } finally {
      await stack.db.sql`update users set status = 'active' where email = ${email}`;
    }
  });

  it('is not renewed for a refused request', async () => {
    const res = await stack.api('/api/me', { headers: { cookie: 'opskings.session_token=forged.value' } });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().some((c) => cacheCookie.test(c) && !/Max-Age=0/i.test(c))).toBe(false);
  });
});

describe.concurrent('disabling a user and changing a tenant take effect on every path', () => {
  it('refuses a disabled user everywhere, including its open Zero connection (within 60 s)', async () => {
    const email = 'team@ecomstore.com';
    const user = await stack.signIn(email);
    const zero = stack.zeroFor(user);
    const view = watch(zero.materialize(queries.tickets.recent()));
    await view.until((s) => s.complete, 30_000);

    await stack.db.sql`update users set status = 'disabled' where email = ${email}`;
    const disabledAt = performance.now();

    const me = await stack.api('/api/me', { headers: { authorization: `Bearer ${user.token}` } });
    expect(me.status).toBe(403);
    expect(await me.json()).toMatchObject({ error: 'account_disabled' });
    expect((await zeroQuery({ authorization: `Bearer ${user.token}` })).status).toBe(403);
    const again = await stack.api('/api/auth/sign-in/email', { ...json({ email, password: 'test-password-123' }), from: ip() });
    expect(again.status).toBe(403);

    // zero-cache re-asks /query every 30 s; the connection then loses its authorisation.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still ${zero.connection.state.current.name} after 60 s`)), 60_000);
      const check = () => {
        if (zero.connection.state.current.name === 'needs-auth') {
          clearTimeout(timer);
          resolve();
        } else setTimeout(check, 250);
      };
      check();
    });
    console.log(`disabled → Zero needs-auth after ${((performance.now() - disabledAt) / 1000).toFixed(1)} s`);
    view.destroy();
  });

  it("stops syncing the old tenant's rows to an open connection within 60 s of a tenant change", async () => {
    const email = 'hello@startuphub.co';
    const user = await stack.signIn(email);
    const from5 = await stack.db.sql<{ id: number }[]>`
      select id from tickets where client_id = 5 order by created_at desc, id desc limit 20`;
    const from7 = await stack.db.sql<{ id: number }[]>`
      select id from tickets where client_id = 7 order by created_at desc, id desc limit 20`;
    const view = watch(stack.zeroFor(user).materialize(queries.tickets.recent()));
    await view.until((s) => s.complete && s.rows.length === from5.length, 30_000);
    expect(view.last().rows.map((r) => r.id)).toEqual(from5.map((r) => r.id));

    await stack.db.sql`update users set client_id = 7 where email = ${email}`;
    const movedAt = performance.now();
    // The server re-derives the context on its next revalidation and stops sending client 5's rows.
    // (This client still filters locally with the context it started with; widgets re-read /api/me
    // and reload on an identity change.)
    await view.until((s) => s.complete && s.rows.length === 0, 60_000);
    console.log(`tenant change → old rows gone after ${((performance.now() - movedAt) / 1000).toFixed(1)} s`);
    view.destroy();

    const me = await stack.api('/api/me', { headers: { authorization: `Bearer ${user.token}` } });
    const fresh = (await me.json()) as SignedIn['me'];
    expect(fresh).toMatchObject({ clientId: 7 });
    const again = watch(stack.zeroFor({ ...user, me: fresh }).materialize(queries.tickets.recent()));
    await again.until((s) => s.complete && s.rows.length === from7.length, 30_000);
    expect(again.last().rows.map((r) => r.id)).toEqual(from7.map((r) => r.id));
    again.destroy();
  });
});

describe('the Zero endpoints', () => {
  it('refuse anonymous callers with 401 and answer a signed-in one', async () => {
    const anonymous = await zeroQuery({});
    expect(anonymous.status).toBe(401);
    const staff = await stack.signIn('emily.brown@company.com');
    const ok = await zeroQuery({ authorization: `Bearer ${staff.token}` });
    expect(ok.status).toBe(200);
  });
});

describe('embed tokens', () => {
  let client: SignedIn;
  let token: string;
  const scoped = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    origin: embedOrigin,
    'x-ops-widget': 'ops-recent-tickets',
    ...extra,
  });

  beforeAll(async () => {
    client = await stack.signIn('contact@growthco.io');
    const res = await stack.api(
      '/api/embed/tokens',
      json({ email: 'contact@growthco.io', widgets: ['ops-recent-tickets'], origins: [embedOrigin], ttlSeconds: 300 }, { 'x-api-key': embedApiKey }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; expiresAt: string; userId: string };
    expect(body.userId).toBe(client.me.userId);
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    token = body.token;
  });

  it('identify the user they were minted for, within their scope', async () => {
    const res = await stack.api('/api/me', { headers: scoped() });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      userId: client.me.userId,
      role: 'client',
      clientId: 2,
      embed: { widgets: ['ops-recent-tickets'], origins: [embedOrigin] },
    });
  });

  it('fail closed outside their origin or widget scope, when forged, and when expired', async () => {
    expect((await stack.api('/api/me', { headers: scoped({ origin: 'http://evil.test' }) })).status).toBe(403);
    const { origin: _omit, ...noOrigin } = scoped();
    expect((await stack.api('/api/me', { headers: noOrigin })).status).toBe(403);
    expect((await stack.api('/api/me', { headers: scoped({ 'x-ops-widget': 'ops-client-analysis' }) })).status).toBe(403);

    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: 'demo-admin', wid: ['ops-recent-tickets'], org: [embedOrigin] })).toString('base64url')}.${signature}`;
    expect((await stack.api('/api/me', { headers: scoped({ authorization: `Bearer ${tampered}` }) })).status).toBe(401);
    expect(payload).toBeDefined();

    const key = new TextEncoder().encode(stack.config.secrets.embedToken);
    const expired = await new SignJWT({ wid: ['ops-recent-tickets'], org: [embedOrigin] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(client.me.userId)
      .setIssuer(stack.config.urls.api)
      .setAudience('opskings-embed')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const res = await stack.api('/api/me', { headers: scoped({ authorization: `Bearer ${expired}` }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'The embed token has expired.' });
  });

  it('allow only the synced queries of their widgets', async () => {
    const allowed = (await (await zeroQuery(scoped())).json()) as unknown[];
    expect(JSON.stringify(allowed)).not.toContain('"error"');
    const denied = await (await zeroQuery(scoped(), 'payments.all')).text();
    expect(denied).toContain('does not allow the query payments.all');
  });

  it('are minted only for callers and scopes that may have them', async () => {
    const body = { email: 'contact@growthco.io', widgets: ['ops-recent-tickets'], origins: [embedOrigin] };
    expect((await stack.api('/api/embed/tokens', json(body, { 'x-api-key': 'wrong-key' }))).status).toBe(401);
    expect((await stack.api('/api/embed/tokens', json(body))).status).toBe(401);

    const badScope = await stack.api(
      '/api/embed/tokens',
      json({ ...body, origins: ['http://evil.test'], widgets: ['ops-nope'], ttlSeconds: 3600 }, { 'x-api-key': embedApiKey }),
    );
    expect(badScope.status).toBe(400);
    const problem = (await badScope.json()) as { fields: Record<string, string> };
    expect(Object.keys(problem.fields).sort()).toEqual(['ttlSeconds', 'widgets.0']);

    const foreignOrigin = await stack.api('/api/embed/tokens', json({ ...body, origins: ['http://evil.test'] }, { 'x-api-key': embedApiKey }));
    expect(foreignOrigin.status).toBe(400);
    expect(await foreignOrigin.json()).toMatchObject({ fields: { origins: 'not allowed: http://evil.test' } });

    // A client user may not mint; staff only for themselves; an admin for anyone.
    expect((await stack.api('/api/embed/tokens', json(body, { authorization: `Bearer ${client.token}` }))).status).toBe(403);
    const agent = await stack.signIn('john.smith@company.com');
    expect((await stack.api('/api/embed/tokens', json(body, { authorization: `Bearer ${agent.token}` }))).status).toBe(403);
    const own = await stack.api('/api/embed/tokens', json({ widgets: ['ops-kpi-cards'], origins: [embedOrigin] }, { authorization: `Bearer ${agent.token}` }));
    expect(own.status).toBe(201);
    const admin = await stack.signIn('admin@company.com');
    expect((await stack.api('/api/embed/tokens', json(body, { authorization: `Bearer ${admin.token}` }))).status).toBe(201);
  });
});

describe('embed tokens for analytics widgets', () => {
  it('reach the analytics their widgets use and nothing else', async () => {
    const minted = await stack.api(
      '/api/embed/tokens',
      json({ email: 'john.smith@company.com', widgets: ['ops-kpi-cards'], origins: [embedOrigin] }, { 'x-api-key': embedApiKey }),
    );
    expect(minted.status).toBe(201);
    const { token } = (await minted.json()) as { token: string };
    const post = (endpoint: string) =>
      stack.api(`/api/analytics/${endpoint}`, json({}, { authorization: `Bearer ${token}`, origin: embedOrigin, 'x-ops-widget': 'ops-kpi-cards' }));
    expect((await post('overview')).status).toBe(200);
    const outside = await post('client-analysis');
    expect(outside.status).toBe(403);
    expect(await outside.json()).toMatchObject({ error: 'widget_not_allowed' });

    // A batch is checked item by item: the covered endpoint answers, the other is refused alone.
    const batch = await stack.api(
      '/api/analytics/batch',
      json(
        { requests: [{ endpoint: 'overview', body: {} }, { endpoint: 'clientAnalysis', body: {} }] },
        { authorization: `Bearer ${token}`, origin: embedOrigin, 'x-ops-widget': 'ops-kpi-cards' },
      ),
    );
    expect(batch.status).toBe(200);
    const { results } = (await batch.json()) as { results: { ok: boolean; status?: number; error?: string; data?: unknown }[] };
    expect(results.map((r) => [r.ok, r.status ?? 200, r.error ?? null])).toEqual([
      [true, 200, null],
      [false, 403, 'widget_not_allowed'],
    ]);
    expect(results[0]!.data).toEqual(await (await post('overview')).json());
  });
});

describe('admins manage users', () => {
  const asUser = (user: SignedIn, body?: unknown, method = 'POST') => ({
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

  it('are the only ones who may', async () => {
    const agent = await stack.signIn('mike.wilson@company.com');
    expect((await stack.api('/api/admin/users', { headers: { authorization: `Bearer ${agent.token}` } })).status).toBe(403);
    expect((await stack.api('/api/admin/users', { method: 'GET' })).status).toBe(401);
  });

  it('invite someone with a role and tenant and send them a set-password link', async () => {
    const admin = await stack.signIn('admin@company.com');
    const logFile = `${stack.config.dataDir}/logs/api.log`;
    const { readFileSync, statSync } = await import('node:fs');
    const logSize = statSync(logFile).size;

    const res = await stack.api('/api/admin/users', asUser(admin, { email: 'New.Lead@Company.com', role: 'manager', teamMemberId: 3 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      user: { email: 'new.lead@company.com', role: 'manager', status: 'active', clientId: null, teamMemberId: 3, hasPassword: false },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(readFileSync(logFile, 'utf8').slice(logSize)).toMatch(/\[mail\] to=new\.lead@company\.com [\s\S]*?\/api\/auth\/reset-password\//);

    expect((await stack.api('/api/admin/users', asUser(admin, { email: 'new.lead@company.com', role: 'agent', teamMemberId: 1 }))).status).toBe(409);
    const badTenant = await stack.api('/api/admin/users', asUser(admin, { email: 'x@example.com', role: 'client' }));
    expect(badTenant.status).toBe(400);
    expect(await badTenant.json()).toMatchObject({ fields: { clientId: 'a client user needs a client' } });
    const unknownClient = await stack.api('/api/admin/users', asUser(admin, { email: 'y@example.com', role: 'client', clientId: 999 }));
    expect(unknownClient.status).toBe(400);
    expect(await userRow('y@example.com')).toBeUndefined();
  });

  it('disable a user (all their sessions end at once) and change a role', async () => {
    const admin = await stack.signIn('admin@company.com');
    const agent = await stack.signIn('david.lee@company.com');
    const target = await userRow('david.lee@company.com');

    const promote = await stack.api(`/api/admin/users/${target!.id}`, asUser(admin, { role: 'manager' }, 'PATCH'));
    expect(promote.status).toBe(200);
    const me = await stack.api('/api/me', { headers: { authorization: `Bearer ${agent.token}` } });
    expect(await me.json()).toMatchObject({ role: 'manager', teamMemberId: 5 });

    const disable = await stack.api(`/api/admin/users/${target!.id}`, asUser(admin, { status: 'disabled' }, 'PATCH'));
    expect(disable.status).toBe(200);
    const [sessions] = await stack.db.sql<{ n: number }[]>`select count(*)::int as n from sessions where user_id = ${target!.id}`;
    expect(sessions!.n).toBe(0);
    expect((await stack.api('/api/me', { headers: { authorization: `Bearer ${agent.token}` } })).status).toBe(401);

    const self = await stack.api(`/api/admin/users/${admin.me.userId}`, asUser(admin, { status: 'disabled' }, 'PATCH'));
    expect(self.status).toBe(400);
  });
});
