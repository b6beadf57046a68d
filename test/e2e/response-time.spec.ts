// The response-time widget under page filters: its statistics, histogram, expected-vs-actual
// comparison and overdue pages show what the API answers, the counts behind them are the ones plain
// SQL finds (the statistics themselves are checked against SQL in the integration tests), and its
// CSV export holds all four parts as shown.
import { expect, test, type Page } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
import { pageApi } from '../support/e2e-api.ts';
import { signIn } from '../support/e2e-auth.ts';
import { exportedCsv } from '../support/e2e-csv.ts';
import { e2eSql } from '../support/e2e-database.ts';
import { allReady, withFilters } from '../support/e2e-widgets.ts';

let sql: Sql;
test.beforeAll(() => {
  sql = e2eSql();
});
test.afterAll(async () => {
  await sql.end();
});

const widget = 'ops-response-time';

async function overdueIds(page: Page): Promise<number[]> {
  return page.locator(`${widget} tr[data-ticket-id]`).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
}

test('response time shows the API’s statistics, histogram, comparison and overdue pages; the counts are SQL’s', async ({ page }) => {
  await signIn(page, 'admin@company.com');
  const members = (await sql<{ id: number }[]>`select id from team_members order by id limit 3`).map((m) => m.id);
  const filters: Filters = { assignee: { op: 'isAnyOf', ids: members } };
  await page.goto(withFilters('/response-time', filters));
  const rt = page.locator(widget);
  await allReady(page, [widget]);

  const answer = await pageApi(page, widget, 'responseTime', { filters });
  const statKeys = ['count', 'min', 'median', 'avg', 'p90', 'max'] as const;
  for (const row of [...answer.byPriority, { priority: 'all', ...answer.overall }]) {
    const tr = rt.locator(`tr[data-priority="${row.priority}"]`);
    for (const key of statKeys) {
      const cell = tr.locator(`[data-col="${key}"]`);
      const value = row[key];
      if (value === null) await expect(cell).not.toHaveAttribute('data-value');
      else await expect(cell, `${row.priority} ${key}`).toHaveAttribute('data-value', String(value));
    }
  }

  const resolved = await sql<{ priority: string; n: number }[]>`
    select priority, count(*)::int as n from tickets
     where resolved_at is not null and assigned_to = any(${members}) group by priority`;
  const resolvedAll = resolved.reduce((sum, r) => sum + r.n, 0);
  expect(answer.overall.count).toBe(resolvedAll);
  for (const r of resolved) expect(answer.byPriority.find((p) => p.priority === r.priority)?.count, r.priority).toBe(r.n);
  // Every resolved ticket sits in one bar of the histogram.
  const bars = await rt.locator('[data-bucket] [data-col="total"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(bars.length).toBe(answer.histogram.length);
  expect(bars.reduce((a, b) => a + b, 0)).toBe(resolvedAll);

  // Overdue: resolved later than the type's expected hours, or still worked on and already older.
  const [overdue] = await sql<{ n: number }[]>`
    select count(*)::int as n
      from tickets t join ticket_types tt on tt.id = t.ticket_type_id
     where t.assigned_to = any(${members}) and tt.avg_resolution_hours is not null
       and ((t.resolved_at is not null and t.resolved_at - t.created_at > make_interval(hours => tt.avg_resolution_hours))
         or (t.resolved_at is null and t.status <> 'closed' and now() - t.created_at > make_interval(hours => tt.avg_resolution_hours)))`;
  const perType = await rt.locator('[data-type-id] [data-col="overdue"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(perType.reduce((a, b) => a + b, 0)).toBe(overdue!.n);

  const pageSize = (await overdueIds(page)).length;
  expect(pageSize).toBeGreaterThan(0);
  for (const n of [1, 2]) {
    const expected = await pageApi(page, widget, 'overdue', { filters, page: n, pageSize });
    expect(expected.total).toBe(overdue!.n);
    if (n === 2) await rt.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => overdueIds(page)).toEqual(expected.rows.map((r) => r.ticketId));
    // Rows still being worked on are marked as breaching now, and only those.
    const breaching = await rt.locator('tr[data-ticket-id][data-breaching="true"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
    const open = await sql<{ id: number }[]>`select id from tickets where id = any(${expected.rows.map((r) => r.ticketId)}) and resolved_at is null`;
    expect(breaching.sort((a, b) => a - b)).toEqual(open.map((r) => r.id).sort((a, b) => a - b));
    await expect(rt.locator('[data-badge="breaching"]')).toHaveCount(breaching.length);
  }
  await expect(rt.locator('[data-range]')).toHaveText(`Showing ${pageSize + 1}–${2 * pageSize} of ${overdue!.n.toLocaleString('en-US')}`);

  // The export holds all four parts as shown: statistics, histogram bars, types and the overdue page.
  const [header, ...rows] = await exportedCsv(page, rt);
  const cells = (section: string) => rows.filter((r) => r[0] === section).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
  expect(cells('priority').map((r) => [r.Priority, r['Resolved count'], r['Median h'], r['P90 h']])).toEqual(
    [...answer.byPriority, { priority: 'all', ...answer.overall }].map((p) => [p.priority, String(p.count), String(p.median ?? ''), String(p.p90 ?? '')]),
  );
  const histogram = cells('histogram');
  expect(histogram.map((r) => Number(r.Low) + Number(r.Medium) + Number(r.High) + Number(r.Urgent))).toEqual(bars);
  const types = cells('type');
  expect(types.map((r) => Number(r['Overdue count']))).toEqual(perType);
  expect(types.map((r) => r.Type)).toEqual(answer.byType.map((t) => t.name));
  expect(cells('overdue').map((r) => Number(r['Ticket #']))).toEqual(await overdueIds(page));
});
