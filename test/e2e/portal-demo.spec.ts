// The client portal on a company website (second origin): the site signs its visitor in with its own
// first-party cookie, its backend mints the embed token, and the portal shows that client's tickets
// with no cookie of ours anywhere and a strict Content-Security-Policy. Staff accounts are refused.
import { expect, test, type Page, type Response } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import { demoPassword } from '../support/e2e-auth.ts';
import { e2eSql } from '../support/e2e-database.ts';
import { watchEmbed } from '../support/e2e-embed-watch.ts';
import { e2eEnv } from '../support/test-stack.ts';

const env = e2eEnv();
const site = `http://localhost:${env.EMBED_DEMO_PORT}/portal-demo`;
const api = `http://localhost:${env.API_PORT}`;
const zero = `http://localhost:${env.ZERO_PORT}`;
const clientEmail = 'contact@growthco.io';
const wrongCredentials = 'The email or password is not correct.';

let sql: Sql;
test.beforeAll(() => {
  sql = e2eSql();
});
test.afterAll(async () => {
  await sql.end();
});

/** Submits the site's sign-in form; resolves with the answer to the POST (before any redirect). */
async function signInOnSite(page: Page, email: string, password: string): Promise<Response> {
  await page.goto(site);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const answer = page.waitForResponse((r) => r.url() === `${site}/sign-in`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return answer;
}

test('a client signs in on the site and sees their tickets, with no cookie of ours', async ({ page, context }) => {
  const watch = await watchEmbed(page, [api, zero]);
  const toUs = watch.requests;

  expect((await signInOnSite(page, clientEmail, demoPassword)).status()).toBe(303);
  await expect(page).toHaveURL(site);
  await expect(page.locator('.account')).toContainText(`Signed in as ${clientEmail}`);

  const portal = page.locator('ops-client-portal');
  await expect(portal).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const expected = await sql<{ id: number }[]>`
    select id from tickets
     where client_id = (select id from clients where lower(email) = ${clientEmail})
     order by created_at desc, id desc limit 10`;
  expect(expected).toHaveLength(10);
  const rows = page.locator('ops-client-portal tbody tr');
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((els) => els.map((r) => Number(r.getAttribute('data-ticket-id'))));
  expect(shown).toEqual(expected.map((t) => t.id));

  // The site's cookie stays on the site; none exists for the API or zero-cache, and none travels there.
  const [siteCookie, ...others] = await context.cookies();
  expect(others).toEqual([]);
  expect(siteCookie).toMatchObject({ domain: 'localhost', path: '/portal-demo', httpOnly: true, sameSite: 'Lax' });
  expect(await context.cookies([api, zero])).toEqual([]);
  expect(toUs.filter((r) => r.cookie !== undefined)).toEqual([]);
  // Everything but the public /api/config goes on the token.
  const apiCalls = toUs.filter((r) => r.url.startsWith(`${api}/api/`) && r.url !== `${api}/api/config`);
  expect(apiCalls.map((r) => new URL(r.url).pathname)).toContain('/api/me');
  for (const r of apiCalls) expect(r.authorization).toMatch(/^Bearer ey/);
  expect(await watch.cspViolations()).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('portal-demo.png'), fullPage: true });

  // The expiry warning makes the page fetch a fresh token from the site's backend.
  const before = await portal.getAttribute('token');
  const renewed = page.waitForResponse((r) => r.url() === `${site}/token` && r.status() === 200);
  await portal.dispatchEvent('ops-token-expiring');
  await renewed;
  await expect(portal).not.toHaveAttribute('token', before ?? '');
  await expect(portal).toHaveAttribute('data-state', 'ready');

  // Writes go on the token too: a ticket created in the embedded portal lands on the visitor's client.
  const title = `Created on the company site ${Date.now()}`;
  await portal.getByRole('button', { name: 'New ticket' }).click();
  await portal.getByLabel('Title', { exact: true }).fill(title);
  await portal.getByLabel('Type', { exact: true }).selectOption({ label: 'Technical Issue' });
  await portal.getByLabel('Message', { exact: true }).fill('Sent from the help center.');
  await portal.getByRole('button', { name: 'Create ticket' }).click();
  await expect(portal.locator('[data-detail] [data-ticket-number]')).toHaveText(/^#\d+$/);
  expect(await sql`select c.email from tickets t join clients c on c.id = t.client_id where t.title = ${title}`).toEqual([
    { email: clientEmail },
  ]);
  expect(toUs.filter((r) => r.cookie !== undefined)).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
});

test('a wrong password and an unknown email get the same refusal, and no session', async ({ page, context }) => {
  const wrongPassword = await signInOnSite(page, clientEmail, `${demoPassword}-wrong`);
  expect(wrongPassword.status()).toBe(401);
  await expect(page.getByRole('alert')).toHaveText(wrongCredentials);
  await expect(page.getByLabel('Email')).toHaveValue(clientEmail);

  const unknownEmail = await signInOnSite(page, 'nobody@growthco.io', demoPassword);
  expect(unknownEmail.status()).toBe(401);
  await expect(page.getByRole('alert')).toHaveText(wrongCredentials);
  expect(await context.cookies()).toEqual([]);
});

test('a staff account is refused: the portal is for clients', async ({ page, context }) => {
  const [agent] = await sql<{ email: string }[]>`
    select email from users where role = 'agent' and status = 'active' order by email limit 1`;
  if (!agent) throw new Error('the seed has no active agent');
  const answer = await signInOnSite(page, agent.email, demoPassword);
  expect(answer.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText('This is an OpsKings staff account');
  await expect(page.locator('ops-client-portal')).toHaveCount(0);
  expect(await context.cookies()).toEqual([]);
});

test('the token endpoint answers only a signed-in visitor, and the forms only the site itself', async () => {
  const origin = new URL(site).origin;
  const token = await fetch(`${site}/token`, { method: 'POST', headers: { origin } });
  expect(token.status).toBe(401);
  expect(token.headers.get('cache-control')).toBe('no-store');

  const foreign = await fetch(`${site}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
    body: new URLSearchParams({ email: clientEmail, password: demoPassword }),
    redirect: 'manual',
  });
  expect(foreign.status).toBe(403);
  expect(foreign.headers.get('set-cookie')).toBeNull();
});
