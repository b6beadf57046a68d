// The two table widgets as staff use them: every column sorts and filters, every member is listed
// (also those the filters leave without a ticket), clients are ranked, searched and paged, and a
// CSV export holds exactly the rows on screen. Expected values come from plain SQL written here.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Sql } from '../../database/client.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
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

/** A staff page opened with these filters in its URL, as a shared link would open it. */
async function openWithFilters(page: Page, path: string, filters: Filters, tag: string): Promise<void> {
  await page.goto(withFilters(path, filters));
  await allReady(page, [tag]);
}

/** A cell's number as shown ("2,914", "$3,591.00", "23.9 h", "—" for none). */
function shownNumber(text: string): number | null {
  const digits = text.replace(/[^0-9.-]/g, '');
  return digits === '' ? null : Number(digits);
}

async function column(table: Locator, col: string): Promise<string[]> {
  return table.locator(`[data-row] [data-col="${col}"]`).allInnerTexts();
}

async function numbers(table: Locator, col: string): Promise<(number | null)[]> {
  return (await column(table, col)).map(shownNumber);
}

function sortedCopy<T>(values: T[], compare: (a: T, b: T) => number): T[] {
  return [...values].sort(compare);
}

/** Postgres's order of text here (the database's collation is C): by code point. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumberDesc = (a: number | null, b: number | null) => (a === null ? 1 : b === null ? -1 : b - a);
const byNumberAsc = (a: number | null, b: number | null) => (a === null ? 1 : b === null ? -1 : a - b);

interface MemberCounts {
  id: number;
  username: string;
  assigned: number;
  resolved: number;
}

test('the team table lists every member, also those without tickets, and sorts and filters by each column', async ({ page }) => {
  await signIn(page, 'admin@company.com');
  const [first, second] = await sql<{ id: number }[]>`select id from team_members order by id limit 2`;
  const picked = [first!.id, second!.id];
  await openWithFilters(page, '/team', { priority: { op: 'is', values: ['urgent'] }, assignee: { op: 'isAnyOf', ids: picked } }, 'ops-team-performance');
  const table = page.locator('ops-team-performance');

  const expected = await sql<MemberCounts[]>`
    select m.id, m.username,
           count(t.id)::int as assigned,
           count(t.id) filter (where t.status in ('resolved', 'closed'))::int as resolved
      from team_members m
      left join tickets t on t.assigned_to = m.id and t.priority = 'urgent' and t.assigned_to = any(${picked})
     group by m.id order by m.id`;
  const ids = (await table.locator('[data-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-member-id'))))).sort((a, b) => a - b);
  expect(ids).toEqual(expected.map((m) => m.id));
  const shown = new Map<number, { assigned: number | null; resolved: number | null }>();
  for (const row of await table.locator('[data-row]').all()) {
    shown.set(Number(await row.getAttribute('data-member-id')), {
      assigned: shownNumber(await row.locator('[data-col="assigned"]').innerText()),
      resolved: shownNumber(await row.locator('[data-col="resolved"]').innerText()),
    });
  }
  expect(expected.filter((m) => m.assigned === 0).length).toBe(expected.length - 2);
  for (const m of expected) expect(shown.get(m.id), m.username).toEqual({ assigned: m.assigned, resolved: m.resolved });

  // Without filters every member has tickets: sort each numeric column (most first, then least).
  await page.goto('/team');
  await allReady(page, ['ops-team-performance']);
  const numeric: [string, string][] = [
    ['assigned', 'Assigned'],
    ['resolved', 'Resolved'],
    ['avgResolutionHours', 'Avg resolution (h)'],
    ['medianResolutionHours', 'Median resolution (h)'],
    ['avgRating', 'Avg rating'],
    ['ratingCount', 'Ratings'],
  ];
  for (const [col, label] of numeric) {
    const header = table.getByRole('columnheader', { name: label, exact: true });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const desc = await numbers(table, col);
    expect(desc, `${col} descending`).toEqual(sortedCopy(desc, byNumberDesc));
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const asc = await numbers(table, col);
    expect(asc, `${col} ascending`).toEqual(sortedCopy(asc, byNumberAsc));
  }
  const usernames = (await sql<{ username: string }[]>`select username from team_members`).map((m) => m.username);
  const member = table.getByRole('columnheader', { name: 'Member', exact: true });
  await member.getByRole('button').click();
  await expect(member).toHaveAttribute('aria-sort', 'ascending');
  const names = (await column(table, 'member')).map((cell) => cell.split('\n')[0]!.trim());
  expect(names).toEqual(sortedCopy(usernames, (a, b) => byCodePoint(a.toLowerCase(), b.toLowerCase())));

  // A text filter: members whose name contains "son", as Postgres finds them.
  await table.getByRole('textbox', { name: 'Filter Member (contains)' }).fill('son');
  const withSon = await sql<{ username: string }[]>`select username from team_members where username ilike '%son%' order by lower(username)`;
  expect(withSon.length).toBeGreaterThan(0);
  await expect(table.locator('[data-row]')).toHaveCount(withSon.length);
  expect((await column(table, 'member')).map((cell) => cell.split('\n')[0]!.trim())).toEqual(withSon.map((m) => m.username));
  await table.getByRole('textbox', { name: 'Filter Member (contains)' }).fill('');

  // A numeric range on Assigned, bounds taken from the data: the members inside it, inclusive.
  const all = await sql<MemberCounts[]>`
    select m.id, m.username, count(t.id)::int as assigned,
           count(t.id) filter (where t.status in ('resolved', 'closed'))::int as resolved
      from team_members m left join tickets t on t.assigned_to = m.id group by m.id order by assigned`;
  const low = all[4]!.assigned;
  const high = all[10]!.assigned;
  await table.getByRole('spinbutton', { name: 'Assigned minimum' }).fill(String(low));
  await table.getByRole('spinbutton', { name: 'Assigned maximum' }).fill(String(high));
  const inRange = all.filter((m) => m.assigned >= low && m.assigned <= high);
  await expect(table.locator('[data-row]')).toHaveCount(inRange.length);
  const rangeIds = await table.locator('[data-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-member-id'))));
  expect(rangeIds.sort((a, b) => a - b)).toEqual(inRange.map((m) => m.id).sort((a, b) => a - b));

  // The export is the table on screen: same rows, same order, same numbers.
  const [head, ...rows] = await exportedCsv(page, table);
  expect(head).toEqual(['Member', 'Department', 'Status', 'Assigned', 'Resolved', 'Avg resolution (h)', 'Median resolution (h)', 'Avg rating', 'Ratings']);
  const onScreen = await table.locator('[data-row]').evaluateAll((trs) =>
    trs.map((tr) => ({
      member: (tr.querySelector('[data-col="member"]') as HTMLElement).innerText.split('\n')[0]!.trim(),
      assigned: (tr.querySelector('[data-col="assigned"]') as HTMLElement).innerText,
      rating: (tr.querySelector('[data-col="avgRating"]') as HTMLElement).innerText,
    })),
  );
  expect(rows.map((r) => r[0])).toEqual(onScreen.map((r) => r.member));
  expect(rows.map((r) => Number(r[3]))).toEqual(onScreen.map((r) => shownNumber(r.assigned)));
  expect(rows.map((r) => (r[7] === '' ? null : Number(r[7])))).toEqual(onScreen.map((r) => shownNumber(r.rating)));
  const expectedCounts = new Map(all.map((m) => [m.username, m]));
  for (const r of rows) expect(Number(r[4]), r[0]).toBe(expectedCounts.get(r[0]!)!.resolved);
});

interface ClientRow {
  id: number;
  client_name: string;
  tickets: number;
  spent: string;
}

/** Every client with its tickets and what it spent (completed and refunded payments). */
function clientTotals(sql: Sql) {
  return sql<ClientRow[]>`
    select c.id, c.client_name,
           (select count(*)::int from tickets t where t.client_id = c.id) as tickets,
           coalesce((select sum(amount_usd) from payments p where p.client_id = c.id and p.status in ('completed', 'refunded')), 0)::numeric(12, 2)::text as spent
      from clients c`;
}

async function shownClients(table: Locator): Promise<{ rank: number | null; name: string; tickets: number | null; spent: number | null }[]> {
  const [ranks, names, tickets, spent] = await Promise.all([numbers(table, 'rank'), column(table, 'clientName'), numbers(table, 'totalTickets'), numbers(table, 'totalSpent')]);
  return names.map((name, i) => ({ rank: ranks[i]!, name: name.trim(), tickets: tickets[i]!, spent: spent[i]! }));
}

test('clients are ranked by ticket volume, searched by name, paged and sorted; the export is the page shown', async ({ page }) => {
  await signIn(page, 'admin@company.com');
  await page.goto('/clients');
  const table = page.locator('ops-client-analysis');
  await allReady(page, ['ops-client-analysis']);

  const clients = await clientTotals(sql);
  const byVolume = sortedCopy(clients, (a, b) => b.tickets - a.tickets || byCodePoint(a.client_name, b.client_name) || a.id - b.id);
  const page1 = byVolume.slice(0, 20);
  await expect(table.locator('[data-row]')).toHaveCount(20);
  expect(await shownClients(table)).toEqual(page1.map((c, i) => ({ rank: i + 1, name: c.client_name, tickets: c.tickets, spent: Number(c.spent) })));
  await expect(table.getByText(`Showing 1–20 of ${clients.length}`)).toBeVisible();

  await table.getByRole('button', { name: 'Next' }).click();
  await expect(table.locator('[data-row] [data-col="rank"]').first()).toHaveText('21');
  expect((await shownClients(table)).map((c) => c.name)).toEqual(byVolume.slice(20, 40).map((c) => c.client_name));

  // The export holds the page on screen, the second one here.
  const [head, ...rows] = await exportedCsv(page, table);
  expect(head).toEqual(['Rank', 'Client', 'Plan', 'Tickets', 'Open', 'Total spent', 'Last ticket']);
  expect(rows.map((r) => [Number(r[0]), r[1], Number(r[3]), Number(r[5])])).toEqual(
    byVolume.slice(20, 40).map((c, i) => [21 + i, c.client_name, c.tickets, Number(c.spent)]),
  );

  // Search goes back to the first page of the matches, in the same ranking.
  await table.getByRole('searchbox', { name: 'Search clients' }).fill('tech');
  const matching = byVolume.filter((c) => c.client_name.toLowerCase().includes('tech'));
  expect(matching.length).toBeGreaterThan(1);
  await expect(table.locator('[data-row]')).toHaveCount(matching.length);
  await expect(table.locator('[data-row] [data-col="clientName"]')).toHaveText(matching.map((c) => c.client_name));
  await table.getByRole('button', { name: 'Clear search' }).click();
  await expect(table.locator('[data-row]')).toHaveCount(20);

  // Sorted by what they spent: the header says which way, and the page is that order's first page.
  const spentHeader = table.getByRole('columnheader', { name: 'Total spent', exact: true });
  await spentHeader.getByRole('button').click();
  await expect(spentHeader).toHaveAttribute('aria-sort', /ascending|descending/);
  const direction = (await spentHeader.getAttribute('aria-sort')) === 'descending' ? -1 : 1;
  const bySpent = sortedCopy(clients, (a, b) => direction * (Number(a.spent) - Number(b.spent)) || byCodePoint(a.client_name, b.client_name) || a.id - b.id);
  await expect(table.locator('[data-row] [data-col="clientName"]')).toHaveText(bySpent.slice(0, 20).map((c) => c.client_name));
  expect((await shownClients(table)).map((c) => c.spent)).toEqual(bySpent.slice(0, 20).map((c) => Number(c.spent)));
});
