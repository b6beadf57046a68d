import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import { signIn } from '../support/e2e-auth.ts';
import { e2eSql } from '../support/e2e-database.ts';
import { e2eEnv } from '../support/test-stack.ts';

let sql: Sql;
test.beforeAll(() => {
  sql = e2eSql();
});
test.afterAll(async () => {
  await sql.end();
});

const apiLog = path.join(process.cwd(), e2eEnv().DATA_DIR, 'logs', 'api.log');

/** The newest set-password link the API "mailed" to `email` (development mail goes to its log). */
async function linkMailedTo(email: string, after: number): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const log = fs.readFileSync(apiLog, 'utf8').slice(after);
    const at = log.lastIndexOf(`[mail] to=${email} `);
    const link = at >= 0 ? /https?:\/\/\S+\/api\/auth\/reset-password\/\S+/.exec(log.slice(at))?.[0] : undefined;
    if (link !== undefined) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no set-password link was logged for ${email}`);
}

test('anonymous visitors are sent to sign-in, and a wrong password is refused', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill('admin@company.com');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.auth-error')).toHaveText('The email or password is not right.');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a client user sees only their own tickets', async ({ page }) => {
  await signIn(page, 'contact@growthco.io');
  await expect(page.locator('.shell-viewer')).toContainText('GrowthCo · client');
  // The portal's first page (10 rows), newest first, exactly the client's own tickets.
  const expected = await sql<{ id: number }[]>`
    select id from tickets where client_id = 2 order by created_at desc, id desc limit 10`;
  const rows = page.locator('ops-client-portal tbody tr');
  await expect(rows).toHaveCount(expected.length);
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-ticket-id'))));
  expect(ids).toEqual(expected.map((r) => r.id));
  await page.screenshot({ path: test.info().outputPath('client-dashboard.png'), fullPage: true });
});

test('an allowlisted email without an account sets a password through a one-time link', async ({ page }) => {
  const email = 'hello@startuphub.co';
  await sql`delete from users where email = ${email}`;
  const logSize = fs.statSync(apiLog).size;

  await page.goto('/request-link');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('If this address may use OpsKings');

  const [user] = await sql<{ role: string; client_id: number }[]>`select role, client_id from users where email = ${email}`;
  expect(user).toEqual({ role: 'client', client_id: 5 });

  const link = await linkMailedTo(email, logSize);
  await page.goto(link);
  await expect(page).toHaveURL(/\/set-password\?token=/);
  await page.getByLabel('New password (at least 10 characters)').fill('a brand new passphrase');
  await page.getByLabel('Repeat it').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is set');

  // The link works once.
  await page.goto(link);
  await expect(page.locator('.auth-error')).toContainText('This link is not valid');

  await signIn(page, email, 'a brand new passphrase');
  await expect(page.locator('.shell-viewer')).toContainText('StartupHub · client');
});

test('an email that may not sign in gets the same answer, and no account or mail', async ({ page }) => {
  const email = 'stranger@example.com';
  const logSize = fs.statSync(apiLog).size;
  await page.goto('/request-link');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('If this address may use OpsKings');
  const [count] = await sql<{ n: number }[]>`select count(*)::int as n from users where email = ${email}`;
  expect(count!.n).toBe(0);
  expect(fs.readFileSync(apiLog, 'utf8').slice(logSize)).not.toContain(email);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'john.smith@company.com');
  await expect(page.locator('.shell-viewer')).toContainText('john_smith · agent');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});
