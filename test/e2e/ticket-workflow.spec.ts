// The ticket workflow across the portal and the inbox, live on both sides: client A creates a
// ticket, staff answer and resolve it, A reads the reply and rates it, and the dashboard's CSAT count
// moves; client B never sees A's ticket; the server refuses feedback on an open ticket; and a write
// sent while zero-cache is down is refused in the UI with nothing written; bad input is named beside its field.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import { signIn } from '../support/e2e-auth.ts';
import { e2eSql } from '../support/e2e-database.ts';
import { pushRequestBody } from '../support/isolation-zero.ts';
import { pauseListener } from '../support/pause-process.ts';
import { e2eEnv } from '../support/test-stack.ts';

const clientA = 'contact@growthco.io';
const clientB = 'team@ecomstore.com';
const agent = 'john.smith@company.com';

let sql: Sql;
test.beforeAll(() => {
  sql = e2eSql();
});
test.afterAll(async () => {
  await sql.end();
});

async function one<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error('no row');
  return row;
}

async function signedIn(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await signIn(page, email);
  if (!page.url().endsWith(path)) await page.goto(path);
  return page;
}

function live(widget: Locator): Promise<void> {
  return expect(widget.getByRole('status').filter({ hasText: /^(Live|Connecting…|Offline|Signed out)$/ })).toHaveText('Live', { timeout: 20_000 });
}

async function createTicket(portal: Locator, title: string, message: string): Promise<void> {
  await portal.getByRole('button', { name: 'New ticket' }).click();
  await portal.getByLabel('Title', { exact: true }).fill(title);
  await portal.getByLabel('Type', { exact: true }).selectOption({ label: 'Billing Question' });
  await portal.getByLabel('Priority', { exact: true }).selectOption('high');
  await portal.getByLabel('Message', { exact: true }).fill(message);
  await portal.getByRole('button', { name: 'Create ticket' }).click();
}

test('client A and staff work a ticket together, live on both sides', async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await one(sql<{ id: number }[]>`select id from clients where email = ${clientA}`);
  const member = await one(sql<{ id: number }[]>`select id from team_members where email = ${agent}`);
  const title = `Invoice PDF is empty ${Date.now()}`;

  const portalPage = await signedIn(browser, clientA, '/portal');
  const portal = portalPage.locator('ops-client-portal');
  const inboxPage = await signedIn(browser, agent, '/inbox');
  const inbox = inboxPage.locator('ops-ticket-inbox');
  const dashboard = await inboxPage.context().newPage();
  await dashboard.goto('/dashboard');
  const csat = dashboard.locator('ops-kpi-cards [data-metric="csat-responses"]');

  // A sees exactly its own newest tickets.
  const own = await sql<{ id: number }[]>`select id from tickets where client_id = ${a.id} order by created_at desc, id desc limit 10`;
  await expect(portal.locator('tbody tr')).toHaveCount(own.length);
  expect(await portal.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-ticket-id'))))).toEqual(
    own.map((r) => r.id),
  );
  await live(portal);
  await live(inbox);
  const feedbackBefore = await one(sql<{ n: number }[]>`select count(*)::int as n from ticket_feedback`);
  await expect(csat).toHaveAttribute('data-value', String(feedbackBefore.n), { timeout: 20_000 });

  // A creates a ticket: it shows at once, then the server's id replaces the placeholder.
  await createTicket(portal, title, 'The PDF of invoice 1042 has no pages.');
  const detail = portal.locator('[data-detail]');
  await expect(detail.getByRole('heading', { name: title })).toBeVisible();
  await expect(detail.locator('[data-ticket-number]')).toHaveText(/^#\d+$/);
  const created = await one(sql<{ id: number; client_id: number; status: string; priority: string; type: string; messages: number }[]>`
    select t.id, t.client_id, t.status, t.priority, tt.type_name as type,
           (select count(*)::int from ticket_messages m where m.ticket_id = t.id and m.from_client) as messages
    from tickets t join ticket_types tt on tt.id = t.ticket_type_id where t.title = ${title}`);
  expect(created).toEqual({ id: created.id, client_id: a.id, status: 'open', priority: 'high', type: 'Billing Question', messages: 1 });
  await expect(detail.locator('[data-ticket-number]')).toHaveText(`#${created.id}`);
  await expect(detail.locator('[data-expected]')).toContainText('Expected within');

  // It reaches the staff inbox without a reload; staff reply and resolve it.
  const row = inbox.locator(`tbody tr[data-ticket-id="${created.id}"]`);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: title }).click();
  const staffDetail = inbox.locator('[data-detail]');
  await expect(staffDetail.locator('[data-message]')).toHaveText([/The PDF of invoice 1042 has no pages\./]);
  await staffDetail.getByLabel('Your reply').fill('Fixed the renderer; please download it again.');
  await staffDetail.getByRole('button', { name: 'Send reply' }).click();
  await expect(staffDetail.getByRole('form', { name: 'Reply to this ticket' }).locator('[data-write]')).toHaveText('Reply sent.');
  await staffDetail.getByLabel('Status', { exact: true }).selectOption('resolved');
  await expect(staffDetail.getByRole('group', { name: 'Change ticket' }).locator('[data-write]')).toHaveText('Saved.');
  expect(
    await one(sql`select status, resolved_at is not null as resolved,
                    (select from_team_member_id from ticket_messages where ticket_id = ${created.id} and not from_client) as replier
                  from tickets where id = ${created.id}`),
  ).toEqual({ status: 'resolved', resolved: true, replier: member.id });

  // A sees the reply and the new status live, and rates the ticket.
  await expect(detail.locator('[data-message]').last()).toContainText('Fixed the renderer; please download it again.');
  await expect(detail.getByText('resolved', { exact: true })).toBeVisible();
  const feedback = detail.locator('[data-feedback="form"]');
  await feedback.getByText('4 ★').click();
  await feedback.getByLabel('Comment (optional)').fill('Quick and clear.');
  await feedback.getByRole('button', { name: 'Send feedback' }).click();
  await expect(detail.locator('[data-feedback="given"]')).toContainText('Your rating: 4/5');
  // Shown at once (optimistic); the server's confirmation replaces the copy with the stored row.
  await expect(detail.locator('[data-feedback="given"]')).not.toContainText('Saving…');
  expect(await sql`select rating, feedback_text from ticket_feedback where ticket_id = ${created.id}`).toEqual([
    { rating: 4, feedback_text: 'Quick and clear.' },
  ]);
  // The dashboard's CSAT response count follows without a reload.
  await expect(csat).toHaveAttribute('data-value', String(feedbackBefore.n + 1), { timeout: 20_000 });
  await portalPage.screenshot({ path: test.info().outputPath('portal-after-feedback.png'), fullPage: true });
  await inboxPage.screenshot({ path: test.info().outputPath('inbox-resolved.png'), fullPage: true });

  // Client B never sees it: not in the list, not by searching its title.
  const bPage = await signedIn(browser, clientB, '/portal');
  const bPortal = bPage.locator('ops-client-portal');
  await expect(bPortal.locator('tbody tr').first()).toBeVisible();
  await expect(bPortal.locator(`tbody tr[data-ticket-id="${created.id}"]`)).toHaveCount(0);
  await bPortal.getByRole('searchbox', { name: 'Search titles' }).fill(title);
  await expect(bPortal.getByText('No tickets match these filters.')).toBeVisible();
  await bPage.context().close();
  await inboxPage.context().close();
});

test('the server refuses feedback on an open ticket, even from a tampered client', async ({ page }) => {
  const a = await one(sql<{ id: number }[]>`select id from clients where email = ${clientA}`);
  const open = await one(sql<{ id: number }[]>`
    select id from tickets t where client_id = ${a.id} and status = 'open'
      and not exists (select 1 from ticket_feedback f where f.ticket_id = t.id) order by id limit 1`);
  await signIn(page, clientA);
  const portal = page.locator('ops-client-portal');
  await portal.getByRole('searchbox', { name: 'Search titles' }).waitFor();
  const apiUrl = await portal.getAttribute('api-url');
  const before = await one(sql<{ n: number }[]>`select count(*)::int as n from ticket_feedback`);
  // What a modified client would send: the push zero-cache forwards, with A's own session cookie.
  const body = pushRequestBody('feedback.leave', { ticketId: open.id, rating: 5 });
  const answer = await page.evaluate(
    async ({ url, body }) => (await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body })).json(),
    { url: `${apiUrl}/api/zero/mutate?schema=zero_0&appID=zero`, body },
  );
  expect(answer).toMatchObject({
    mutations: [{ result: { error: 'app', message: 'Feedback can only be left once the ticket is resolved or closed.' } }],
  });
  expect(await one(sql<{ n: number }[]>`select count(*)::int as n from ticket_feedback`)).toEqual(before);
});

test('with zero-cache stopped the portal opens from its cache and refuses writes; nothing is written', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, clientA, '/portal');
  const portal = page.locator('ops-client-portal');
  await expect(portal.locator('tbody tr')).toHaveCount(10);
  await live(portal);
  // Give the local store a moment to persist what it synced.
  await page.waitForTimeout(2_000);
  const title = `Written while offline ${Date.now()}`;
  const resume = pauseListener(Number(e2eEnv().ZERO_PORT));
  try {
    await expect(portal.getByRole('status').filter({ hasText: /^(Connecting…|Offline)$/ })).toBeVisible({ timeout: 30_000 });
    await page.reload();
    // The list comes from the local cache while the sync server does not answer.
    await expect(portal.locator('tbody tr')).toHaveCount(10);
    await expect(portal.locator('[data-from-cache]')).toBeVisible();
    await createTicket(portal, title, 'Nobody will receive this.');
    await expect(portal.getByRole('alert')).toHaveText(/^The ticket was not created: You are offline, so this was not sent\. Nothing was saved/);
    await page.screenshot({ path: test.info().outputPath('portal-offline-refused.png'), fullPage: true });
  } finally {
    resume();
  }
  await live(portal);
  await page.waitForTimeout(1_000);
  expect(await sql`select id from tickets where title = ${title}`).toEqual([]);
  expect(await sql`select id from ticket_messages where message_text = 'Nobody will receive this.'`).toEqual([]);
  await page.context().close();
});

test('bad input in the portal gets a clear message beside its field and writes nothing', async ({ page }) => {
  await signIn(page, clientA);
  const portal = page.locator('ops-client-portal');
  await live(portal);
  const before = await one(sql<{ tickets: number; messages: number }[]>`
    select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_messages) as messages`);

  await portal.getByRole('button', { name: 'New ticket' }).click();
  const form = portal.getByRole('form', { name: 'New ticket' });
  await form.getByLabel('Title', { exact: true }).fill('   ');
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(form.getByText('Title cannot be empty')).toBeVisible();
  await expect(form.getByText('Choose a ticket type')).toBeVisible();
  await expect(form.getByText('Message cannot be empty')).toBeVisible();
  await expect(form.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Title', { exact: true }).fill('x'.repeat(300));
  await form.getByLabel('Type', { exact: true }).selectOption({ label: 'Technical Issue' });
  await form.getByLabel('Message', { exact: true }).fill('y');
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(form.getByText('Title is too long (at most 255 characters)')).toBeVisible();
  await expect(form.getByText('Choose a ticket type')).toHaveCount(0);

  // A reply that is only spaces is refused the same way.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await portal.locator('tbody tr').first().click();
  const reply = portal.getByRole('form', { name: 'Reply to this ticket' });
  await reply.getByLabel('Your reply').fill('   ');
  await reply.getByRole('button', { name: 'Send reply' }).click();
  await expect(reply.getByText('Message cannot be empty')).toBeVisible();

  expect(await one(sql<{ tickets: number; messages: number }[]>`
    select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_messages) as messages`)).toEqual(before);
});
