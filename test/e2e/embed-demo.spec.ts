// The embed demo on a second origin: another company's plain page with one chart, a token from that
// page's own backend, no cookies anywhere, a strict Content-Security-Policy, and the page's colours.
import { expect, test } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import { e2eSql } from '../support/e2e-database.ts';
import { watchEmbed } from '../support/e2e-embed-watch.ts';
import { e2eEnv } from '../support/test-stack.ts';

const env = e2eEnv();
const demo = `http://localhost:${env.EMBED_DEMO_PORT}/embed-demo`;
const api = `http://localhost:${env.API_PORT}`;
const zero = `http://localhost:${env.ZERO_PORT}`;

let sql: Sql;
test.beforeAll(() => {
  sql = e2eSql();
});
test.afterAll(async () => {
  await sql.end();
});

test('the cross-origin embed renders with a token and no cookies', async ({ page, context }) => {
  const watch = await watchEmbed(page, [api, zero]);
  const toUs = watch.requests;

  const response = await page.goto(demo);
  expect(new URL(page.url()).origin).not.toBe(new URL(api).origin);
  expect(response?.headers()['content-security-policy']).toContain(`connect-src 'self' ${api} ${zero} ws://localhost:${env.ZERO_PORT}`);
  const chart = page.locator('ops-tickets-over-time');
  await expect(chart).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(page.locator('#token-state')).toContainText('Valid until');
  await expect(page.locator('#events')).toContainText('ops-ready');

  // Jan–Nov 2025 (the default range), counted in the stack's report time zone (UTC).
  const expected = await sql<{ period: string; created: number; resolved: number }[]>`
    with months as (select to_char(m, 'YYYY-MM') as period from generate_series('2025-01-01'::date, '2025-11-01'::date, '1 month') m)
    select period,
           (select count(*) from tickets where to_char(created_at at time zone 'UTC', 'YYYY-MM') = period)::int as created,
           (select count(*) from tickets where to_char(resolved_at at time zone 'UTC', 'YYYY-MM') = period)::int as resolved
      from months order by period`;
  const rows = chart.locator('[data-row]');
  await expect(rows).toHaveCount(expected.length);
  const shown = await rows.evaluateAll((els) =>
    els.map((r) => ({ period: r.getAttribute('data-period'), created: Number(r.getAttribute('data-created')), resolved: Number(r.getAttribute('data-resolved')) })),
  );
  expect(shown).toEqual(expected);

  // No cookie exists or travels; the API is reached on the token alone.
  expect(await context.cookies()).toEqual([]);
  expect(toUs.filter((r) => r.cookie !== undefined)).toEqual([]);
  const analytics = toUs.filter((r) => r.url.includes('/api/analytics/'));
  expect(analytics.length).toBeGreaterThan(0);
  for (const r of analytics) expect(r.authorization).toMatch(/^Bearer ey/);
  expect(await watch.cspViolations()).toEqual([]);

  // The page's --ops-chart-1 colours the "created" bars inside the widget's shadow root.
  await page.getByLabel('Theme').selectOption('light');
  const barFill = await chart.evaluate((el) => {
    const bar = el.shadowRoot?.querySelector('.recharts-bar-rectangle path');
    return bar ? getComputedStyle(bar).fill : null;
  });
  expect(barFill).toBe('rgb(13, 148, 136)');
  await page.screenshot({ path: test.info().outputPath('embed-demo-light.png'), fullPage: true });
  await page.getByLabel('Theme').selectOption('dark');
  await expect(chart.locator('.ops-frame')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: test.info().outputPath('embed-demo-dark.png'), fullPage: true });
});

test("the demo's token drives its one chart, from its own origin only", async () => {
  const res = await fetch(`${demo}/token`, { method: 'POST' });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const { token } = (await res.json()) as { token: string };
  const call = (path: string, widget: string, origin: string) =>
    fetch(`${api}/api/analytics/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin, 'x-ops-widget': widget },
      body: JSON.stringify({ filters: {} }),
    }).then((r) => r.status);
  const demoOrigin = new URL(demo).origin;
  expect(await call('tickets-over-time', 'ops-tickets-over-time', demoOrigin)).toBe(200);
  expect(await call('overview', 'ops-kpi-cards', demoOrigin)).toBe(403);
  expect(await call('tickets-over-time', 'ops-tickets-over-time', `http://localhost:${env.HOST_PORT}`)).toBe(403);
});
