import { expect, test } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import { placeRecentTickets, signIn } from '../support/e2e-auth.ts';
import { e2eSql } from '../support/e2e-database.ts';

let sql: Sql;
test.beforeAll(() => {
  sql = e2eSql();
});
test.afterAll(async () => {
  await sql.end();
});
test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin@company.com');
  await placeRecentTickets(page);
});

async function newestTicketIds(limit: number): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select id from tickets order by created_at desc, id desc limit ${limit}`;
  return rows.map((r) => r.id);
}

test('the recent-tickets widget shows staff the 20 newest tickets from Postgres', async ({ page }) => {
  const widget = page.locator('ops-recent-tickets');
  const rows = widget.locator('tbody tr');
  await expect(rows).toHaveCount(20);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-ticket-id'))));
  expect(shown).toEqual(await newestTicketIds(20));

  const [first] = await sql<{ title: string; client_name: string }[]>`
    select t.title, c.client_name from tickets t join clients c on c.id = t.client_id
    order by t.created_at desc, t.id desc limit 1`;
  await expect(rows.first()).toContainText(first!.title);
  await expect(rows.first()).toContainText(first!.client_name);
  await expect(widget.locator('header [role=status]')).toHaveText('Live');
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });
});

test('Tailwind styles apply inside the shadow root, including @property-based utilities', async ({ page }) => {
  // The frame is re-created once the viewer is known: measure the settled one.
  await expect(page.locator('ops-recent-tickets')).toHaveAttribute('data-state', 'ready');
  const card = page.locator('ops-recent-tickets section');
  await expect(card).toBeVisible();
  const style = await card.evaluate((el) => {
    const s = getComputedStyle(el);
    return { boxShadow: s.boxShadow, borderTopWidth: s.borderTopWidth, borderTopStyle: s.borderTopStyle };
  });
  // shadow-sm and border read --tw-* variables whose defaults come from @property rules, which
  // Chromium ignores in shadow roots unless the runtime applies them.
  expect(style.boxShadow).not.toBe('none');
  expect(style.borderTopStyle).toBe('solid');
  expect(style.borderTopWidth).toBe('1px');
});

test('a ticket inserted into Postgres appears without a reload', async ({ page }) => {
  const widget = page.locator('ops-recent-tickets');
  await expect(widget.locator('tbody tr')).toHaveCount(20);
  await expect(widget.locator('header [role=status]')).toHaveText('Live');
  await page.evaluate(() => {
    (window as unknown as { marker: string }).marker = 'same document';
  });

  const title = `Live check ${Date.now()}`;
  const [inserted] = await sql<{ id: number }[]>`
    insert into tickets (client_id, ticket_type_id, status, priority, title, created_at)
    values (1, 1, 'open', 'high', ${title}, now()) returning id`;
  const started = Date.now();
  const row = widget.locator(`tbody tr[data-ticket-id="${inserted!.id}"]`);
  await expect(row).toContainText(title);
  test.info().annotations.push({ type: 'insert-to-visible-ms', description: String(Date.now() - started) });
  await expect(widget.locator('tbody tr').first()).toHaveAttribute('data-ticket-id', String(inserted!.id));
  await expect(widget.locator('tbody tr')).toHaveCount(20);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');
  await page.screenshot({ path: test.info().outputPath('after-insert.png'), fullPage: true });
});

test('widgets on one page share a single Zero connection', async ({ page }) => {
  // Counted by the reloaded document itself: a listener on the page would also catch a socket the
  // previous document opened as the reload began (seen once: its Zero connecting 1.2 s in).
  await page.addInitScript(() => {
    const opened: string[] = [];
    (window as unknown as { openedSockets: string[] }).openedSockets = opened;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        opened.push(String(url));
      }
    };
  });
  await page.reload();
  await placeRecentTickets(page);
  await expect(page.locator('ops-recent-tickets tbody tr')).toHaveCount(20);
  // A second copy of the widget, added the way an embedding page would.
  await page.evaluate(() => {
    const second = document.createElement('ops-recent-tickets');
    second.id = 'second';
    document.querySelector('main')?.append(second);
  });
  await expect(page.locator('#second tbody tr')).toHaveCount(20);
  await expect(page.locator('#second header [role=status]')).toHaveText('Live');
  // Every widget of the dashboard and both recent-tickets copies: still one WebSocket.
  const sockets = await page.evaluate(() => (window as unknown as { openedSockets: string[] }).openedSockets);
  expect(sockets).toHaveLength(1);
});
