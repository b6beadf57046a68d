// A widget driven by an embed token alone: no session cookie in the browser, the token bound to
// one user, one widget and this origin, and refreshed through ops-token-expiring before it expires.
import { expect, test } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import { demoPassword } from '../support/e2e-auth.ts';
import { e2eSql } from '../support/e2e-database.ts';
import { e2eEnv } from '../support/test-stack.ts';

const env = e2eEnv();
const api = `http://localhost:${env.API_PORT}`;
const origin = `http://localhost:${env.HOST_PORT}`;

let sql: Sql;
let adminToken: string;

test.beforeAll(async () => {
  sql = e2eSql();
  const res = await fetch(`${api}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'admin@company.com', password: demoPassword }),
  });
  adminToken = res.headers.get('set-auth-token') ?? '';
  expect(adminToken).not.toBe('');
});
test.afterAll(async () => {
  await sql.end();
});

async function mint(email: string, ttlSeconds: number): Promise<string> {
  const res = await fetch(`${api}/api/embed/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ email, widgets: ['ops-recent-tickets'], origins: [origin], ttlSeconds }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

test('a widget works on an embed token without cookies, and renews it when told it expires', async ({ page, context }) => {
  // A one-minute token: the widget warns at once (it warns a minute before expiry).
  const first = await mint('team@ecomstore.com', 60);
  const second = await mint('team@ecomstore.com', 600);
  const authHeaders: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/me')) authHeaders.push(r.headers()['authorization'] ?? '');
  });

  await page.goto('/sign-in');
  expect(await context.cookies()).toEqual([]);
  await page.evaluate(
    async ({ token, second, api }) => {
      const el = document.createElement('ops-recent-tickets');
      el.setAttribute('token', token);
      el.setAttribute('api-url', api);
      // The embedding page answers the warning with a fresh token from its backend.
      document.addEventListener('ops-token-expiring', () => el.setAttribute('token', second), { once: true });
      document.body.append(el);
      await import(`${api}/widgets/loader.js`);
    },
    { token: first, second, api },
  );

  const [expected] = await sql<{ n: number }[]>`select least(count(*), 20)::int as n from tickets where client_id = 6`;
  const rows = page.locator('ops-recent-tickets tbody tr');
  await expect(rows).toHaveCount(expected!.n);
  await expect(page.locator('ops-recent-tickets tbody td:nth-child(3)').filter({ hasNotText: 'EcomStore' })).toHaveCount(0);
  await expect(page.locator('ops-recent-tickets').getByRole('status')).toHaveText('Live');
  await expect.poll(() => authHeaders).toEqual([`Bearer ${first}`, `Bearer ${second}`]);
  await expect(rows).toHaveCount(expected!.n);
  expect(await context.cookies()).toEqual([]);
});

test('no token can name an unconfigured origin, and a widget with a bad token shows the signed-out state', async ({ page }) => {
  const res = await fetch(`${api}/api/embed/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ email: 'team@ecomstore.com', widgets: ['ops-recent-tickets'], origins: [origin.replace('localhost', '127.0.0.1')], ttlSeconds: 300 }),
  });
  // Only configured origins may be named at all.
  expect(res.status).toBe(400);
  await page.goto('/sign-in');
  await page.evaluate(async ({ api }) => {
    const el = document.createElement('ops-recent-tickets');
    el.setAttribute('token', 'not.a.token');
    el.setAttribute('api-url', api);
    document.body.append(el);
    await import(`${api}/widgets/loader.js`);
  }, { api });
  await expect(page.locator('ops-recent-tickets').getByRole('status')).toContainText('Sign in to see this');
});
