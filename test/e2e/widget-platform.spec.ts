// What every widget promises an embedding page, checked on the dashboard: attributes set, changed
// or removed at runtime take effect (filters, filter-scope, theme); an invalid filters value is the
// widget's error (ops-error, kind attribute), not numbers for other filters; the filter bar works
// from the keyboard alone and reports ops-filterchange; each CSV export holds the numbers on
// screen. Counts come from plain SQL.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
import { signIn } from '../support/e2e-auth.ts';
import { exportedCsv } from '../support/e2e-csv.ts';
import { e2eSql } from '../support/e2e-database.ts';
import { allReady, metric } from '../support/e2e-widgets.ts';

let sql: Sql;
test.beforeAll(() => {
  sql = e2eSql();
});
test.afterAll(async () => {
  await sql.end();
});

async function openDashboard(page: Page): Promise<void> {
  await signIn(page, 'admin@company.com');
  await allReady(page);
}

async function ticketCount(where: 'all' | { priority: string }): Promise<number> {
  const [row] =
    where === 'all'
      ? await sql<{ n: number }[]>`select count(*)::int as n from tickets`
      : await sql<{ n: number }[]>`select count(*)::int as n from tickets where priority = ${where.priority}`;
  return row!.n;
}

function total(page: Page): Locator {
  return metric(page, 'total');
}

/** The sum of the over-time chart's created column, as its rows carry it. */
async function createdOverTime(page: Page): Promise<number> {
  const created = await page
    .locator('ops-tickets-over-time [data-row]')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-created'))));
  return created.reduce((a, b) => a + b, 0);
}

/** Created tickets inside the over-time chart's default range (Jan–Nov 2025), by priority or all. */
async function createdIn2025(priority?: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from tickets
     where created_at >= '2025-01-01' and created_at < '2025-12-01' ${priority ? sql`and priority = ${priority}` : sql``}`;
  return row!.n;
}

/** Records the page's ops-* events from now on, as an embedding page listening on document would. */
async function recordEvents(page: Page): Promise<() => Promise<{ type: string; detail: unknown }[]>> {
  await page.evaluate(() => {
    const seen: { type: string; detail: unknown }[] = [];
    (window as unknown as { __opsEvents: typeof seen }).__opsEvents = seen;
    for (const type of ['ops-ready', 'ops-error', 'ops-filterchange', 'ops-drill']) {
      document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
  return () => page.evaluate(() => (window as unknown as { __opsEvents: { type: string; detail: unknown }[] }).__opsEvents);
}

test('filters, filter-scope and theme set, changed or removed at runtime take effect; a bad filters value shows an error, not other numbers', async ({ page }) => {
  await openDashboard(page);
  const kpi = page.locator('ops-kpi-cards');
  const events = await recordEvents(page);
  const pin = (filters: Filters | string | null) =>
    kpi.evaluate((el, value) => (value === null ? el.removeAttribute('filters') : el.setAttribute('filters', value)), typeof filters === 'object' && filters !== null ? JSON.stringify(filters) : filters);

  await pin({ priority: { op: 'is', values: ['urgent'] } });
  await expect(total(page)).toHaveAttribute('data-value', String(await ticketCount({ priority: 'urgent' })));
  await pin({ priority: { op: 'is', values: ['low'] } });
  await expect(total(page)).toHaveAttribute('data-value', String(await ticketCount({ priority: 'low' })));

  // Not JSON, then not a filter: the widget says so (ops-error, kind attribute) and asks for nothing.
  await pin('{"priority":');
  await expect.poll(async () => (await events()).filter((e) => e.type === 'ops-error').map((e) => (e.detail as { kind: string }).kind)).toEqual(['attribute']);
  await expect(kpi).toHaveAttribute('data-state', 'error');
  // The pin is invisible on the page: numbers without it would pass for the pinned ones.
  await expect(kpi.getByRole('alert')).toContainText('The filters attribute is not valid (not JSON)');
  await expect(total(page)).toHaveCount(0);
  await pin({ priority: { op: 'is', values: ['nope'] } } as unknown as Filters);
  await expect.poll(async () => (await events()).filter((e) => e.type === 'ops-error').length).toBe(2);
  await expect(kpi).toHaveAttribute('data-state', 'error');

  await pin(null);
  await expect(kpi).toHaveAttribute('data-state', 'ready');
  await expect(total(page)).toHaveAttribute('data-value', String(await ticketCount('all')));

  // Its own scope: the page's filter bar no longer reaches it, but still reaches the chart beside it.
  await kpi.evaluate((el) => el.setAttribute('filter-scope', 'kpi-alone'));
  await page.locator('ops-filter-bar [data-filter="priority"]').click();
  await page.locator('ops-filter-bar').getByRole('checkbox', { name: /^high$/i }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => createdOverTime(page)).toBe(await createdIn2025('high'));
  await expect(total(page)).toHaveAttribute('data-value', String(await ticketCount('all')));
  // Back on the page's scope, it takes the page's filters.
  await kpi.evaluate((el) => el.removeAttribute('filter-scope'));
  await expect(total(page)).toHaveAttribute('data-value', String(await ticketCount({ priority: 'high' })));

  const background = () => kpi.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[data-theme]')!).backgroundColor);
  const light = await background();
  await kpi.evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect(kpi.locator('[data-theme]')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).not.toBe(light);
  await kpi.evaluate((el) => el.removeAttribute('theme'));
  await expect(kpi.locator('[data-theme]')).toHaveAttribute('data-theme', 'auto');
  await expect.poll(background).toBe(light);
});

test('the filter bar works from the keyboard alone and reports each change as ops-filterchange', async ({ page }) => {
  await openDashboard(page);
  const events = await recordEvents(page);
  const trigger = page.locator('ops-filter-bar [data-filter="priority"]');
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');

  // Tab through the popover to the "urgent" option; Space checks it.
  const urgent = page.locator('ops-filter-bar [data-popover="priority"] input[data-option="urgent"]');
  for (let i = 0; i < 10 && !(await urgent.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  await expect(urgent).toBeChecked();
  await expect(total(page)).toHaveAttribute('data-value', String(await ticketCount({ priority: 'urgent' })));
  await expect.poll(() => JSON.parse(new URL(page.url()).searchParams.get('ops-filters') ?? 'null') as unknown).toEqual({ priority: { op: 'isAnyOf', values: ['urgent'] } });

  await page.keyboard.press('Escape');
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  await expect(trigger).toBeFocused();

  const changes = (await events()).filter((e) => e.type === 'ops-filterchange');
  expect(changes).toEqual([{ type: 'ops-filterchange', detail: { widget: 'ops-filter-bar', scope: 'page', filters: { priority: { op: 'isAnyOf', values: ['urgent'] } } } }]);
});

/** A widget's CSV export without its header. */
async function exportedRows(page: Page, widget: Locator): Promise<string[][]> {
  return (await exportedCsv(page, widget)).slice(1);
}

test('each dashboard widget exports as CSV the numbers it shows', async ({ page }) => {
  await openDashboard(page);

  const kpiRows = new Map((await exportedRows(page, page.locator('ops-kpi-cards'))).map((r) => [r[0], r[1]]));
  expect(kpiRows.get('Total tickets')).toBe(String(await ticketCount('all')));
  expect(kpiRows.get('Total tickets')).toBe(await total(page).getAttribute('data-value'));
  const [open] = await sql<{ n: number }[]>`select count(*)::int as n from tickets where status in ('open', 'in_progress')`;
  expect(kpiRows.get('Open tickets')).toBe(String(open!.n));
  const [ratings] = await sql<{ n: number }[]>`select count(*)::int as n from ticket_feedback where rating is not null`;
  expect(kpiRows.get('CSAT responses')).toBe(String(ratings!.n));

  const overTime = await exportedRows(page, page.locator('ops-tickets-over-time'));
  const shown = await page
    .locator('ops-tickets-over-time [data-row]')
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-created'), r.getAttribute('data-resolved')]));
  expect(overTime.map((r) => [r[1], r[2]])).toEqual(shown);
  expect(overTime.map((r) => r[0])).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'].map((m) => `${m} 2025`));
  expect(overTime.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(await createdIn2025());

  const distribution = await exportedRows(page, page.locator('ops-ticket-distribution'));
  const byType = await sql<{ name: string; n: number }[]>`
    select tt.type_name as name, count(t.id)::int as n from ticket_types tt join tickets t on t.ticket_type_id = tt.id group by tt.type_name`;
  expect(new Map(distribution.filter((r) => r[0] === 'type').map((r) => [r[1], Number(r[2])]))).toEqual(new Map(byType.map((t) => [t.name, t.n])));
  for (const row of distribution.filter((r) => r[0] === 'priority')) {
    const shownRow = page.locator(`ops-ticket-distribution [data-priority="${row[1]!.toLowerCase()}"]`).first();
    await expect(shownRow).toHaveAttribute('data-open', row[3]!);
    await expect(shownRow).toHaveAttribute('data-closed', row[4]!);
  }
});
