// The four things the UX benchmark times, each driven the way a person would in a real Chromium:
// opening the dashboard, changing a filter in the filter bar, paging the ticket list, and seeing a
// ticket someone else wrote appear in the key numbers.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../config/env.ts';
import type { Sql } from '../../database/client.ts';
import { demoAdminEmail } from '../../database/seed/demo-accounts.ts';
import { widgetTags } from '../../shared/widgets.ts';
import type { Random } from '../../test/support/random-filters.ts';
import {
  armClick,
  armMetric,
  armNextPage,
  armRedraw,
  installLoadProbe,
  loadBreakdown,
  loadSettled,
  pageEpoch,
  readStep,
  stepDone,
  widgetStates,
  type StepProbe,
} from './ux-probes.ts';
import { insertedTitle } from './ux-stack.ts';

/** Every widget element the product ships: "all widgets on the page" is every one of these present. */
const widgetSelector = widgetTags.join(', ');

/** All widgets ready and no state change for this long: the page has settled. */
const quietMs = 500;
const stepTimeoutMs = 30_000;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface Session {
  browser: Browser;
  config: Config;
  storageState: StorageState;
}

/** Signs the demo admin in once through the API; every context reuses the session cookie. */
export async function signIn(browser: Browser, config: Config): Promise<Session> {
  const context = await browser.newContext();
  try {
    const res = await context.request.post(`${config.urls.api}/api/auth/sign-in/email`, {
      headers: { origin: config.urls.host },
      data: { email: demoAdminEmail, password: config.demoPassword },
    });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
    return { browser, config, storageState: await context.storageState() };
  } finally {
    await context.close();
  }
}

/** A fresh context: no HTTP cache, no Zero store in IndexedDB, only the session cookie. */
async function freshContext(session: Session): Promise<BrowserContext> {
  const context = await session.browser.newContext({ storageState: session.storageState, baseURL: session.config.urls.host });
  await context.addInitScript(installLoadProbe, widgetSelector);
  return context;
}

async function waitInPage(page: Page, done: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await done();
  } catch (err) {
    const states = await page.evaluate(widgetStates, widgetSelector).catch(() => 'page gone');
    throw new Error(`${what} did not happen on ${page.url()} (${states}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

/** Waits for every widget to be ready and quiet; returns when they became ready (ms from navigation start). */
async function settled(page: Page, timeoutMs = stepTimeoutMs): Promise<number> {
  await waitInPage(page, () => page.waitForFunction(loadSettled, quietMs, { timeout: timeoutMs, polling: 50 }), 'every widget ready');
  const readyAt = await page.evaluate(() => window.__uxLoad?.readyAt ?? null);
  if (readyAt === null) throw new Error('the load probe lost its ready time');
  return readyAt;
}

/** Waits until the armed step (armClick, then an arm… probe) is done and returns its times. */
export async function finishedStep(page: Page, what: string): Promise<StepProbe> {
  await waitInPage(page, () => page.waitForFunction(stepDone, undefined, { timeout: stepTimeoutMs, polling: 20 }), what);
  const step = await page.evaluate(readStep);
  if (!step || step.doneAt === null) throw new Error(`${what}: the probe lost its result`);
  return step;
}

export interface LoadTimes {
  cold: number[];
  warm: number[];
  /** Of the cold loads: when the widget bundle was requested and loaded, the analytics asked and answered, and each widget ready. */
  coldParts: Map<string, number[]>;
  /** The first load after the stack started (zero-cache may still be syncing its replica). */
  first: number;
}

/** How one load is timed: ms from navigation start until the page counts as ready. */
export type ReadyTime = (page: Page, load: number) => Promise<number>;

/**
 * Opens `url` in a fresh context (cold), then reloads it in the same context a second later (warm),
 * `count` times, after `warmups` throwaway cold loads that warm the server. `onCold` sees each cold
 * load (its index counts the warmups) before the reload.
 */
export async function coldLoadsAndReloads(
  open: () => Promise<BrowserContext>,
  url: string,
  { count, warmups, ready, onCold }: { count: number; warmups: number; ready: ReadyTime; onCold?: (page: Page, load: number, ms: number) => Promise<void> },
): Promise<{ cold: number[]; warm: number[] }> {
  const times = { cold: [] as number[], warm: [] as number[] };
  for (let i = 0; i < warmups + count; i++) {
    const context = await open();
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const cold = await ready(page, i);
      await onCold?.(page, i, cold);
      if (i < warmups) continue;
      times.cold.push(cold);
      // A person reloads a page they have had open for a moment: Zero has written its store.
      await sleep(1000);
      await page.reload({ waitUntil: 'commit' });
      times.warm.push(await ready(page, i));
    } finally {
      await context.close();
    }
  }
  return times;
}

/** /dashboard's cold loads and reloads (coldLoadsAndReloads), with where each cold load's time went. */
export async function dashboardLoads(session: Session, count: number, warmups: number, log: (line: string) => void): Promise<LoadTimes> {
  const coldParts = new Map<string, number[]>();
  const part = (name: string, ms: number) => coldParts.set(name, [...(coldParts.get(name) ?? []), ms]);
  let first = 0;
  const { cold, warm } = await coldLoadsAndReloads(() => freshContext(session), '/dashboard', {
    count,
    warmups,
    // The first load may wait for zero-cache's initial sync of a new replica.
    ready: (page, load) => settled(page, load === 0 ? 15 * 60_000 : stepTimeoutMs),
    onCold: async (page, load, ms) => {
      if (load === 0) {
        first = ms;
        log(`first dashboard load after start: ${(ms / 1000).toFixed(1)} s`);
      }
      if (load < warmups) return;
      const { loaderAt, bundleAt, askedAt, answeredAt, widgets } = await page.evaluate(loadBreakdown);
      if (loaderAt !== null) part('widget bundle requested', loaderAt);
      if (bundleAt !== null) part('widget bundle loaded', bundleAt);
      if (askedAt !== null) part('analytics asked', askedAt);
      if (answeredAt !== null) part('analytics answered', answeredAt);
      for (const [tag, at] of Object.entries(widgets)) part(`${tag} ready`, at);
    },
  });
  return { cold, warm, coldParts, first };
}

export interface StepTimes {
  ms: number[];
  /** Steps during which a widget fell back to its skeleton. */
  skeletons: number;
  /** Of filter changes: click → the answer in, and the API's own time for it. */
  answered?: number[];
  server?: number[];
}

const setFilters = ['priority', 'ticketType', 'assignee'] as const;

/**
 * Toggles random options in the filter bar's priority, ticket type and team member popovers (each
 * toggle applies at once), timing the click until every widget has refreshed and is ready again.
 */
export async function filterChanges(session: Session, count: number, r: Random, pauseMs: number): Promise<StepTimes> {
  const context = await freshContext(session);
  const times: StepTimes = { ms: [], skeletons: 0, answered: [], server: [] };
  try {
    const page = await context.newPage();
    await page.goto('/dashboard', { waitUntil: 'commit' });
    await settled(page);
    const tags = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((w) => w.localName), widgetSelector);
    // Every widget but the filter bar draws filtered data.
    const redraw = tags.filter((t) => t !== 'ops-filter-bar');
    let open: string | undefined;
    for (let i = 0; i < count; i++) {
      const key = r.pick(setFilters);
      const options = page.locator(`ops-filter-bar [data-popover="${key}"] input[data-option]`);
      if (open !== key) {
        await page.locator(`ops-filter-bar [data-filter="${key}"]`).click();
        await options.first().waitFor();
        open = key;
      }
      const option = options.nth(r.int(await options.count()));
      await page.evaluate(armClick);
      await page.evaluate(armRedraw, { selector: widgetSelector, redraw });
      await option.click();
      const step = await finishedStep(page, `redraw after a ${key} filter change`);
      times.ms.push(step.doneAt! - step.startedAt!);
      if (step.answeredAt !== undefined) times.answered?.push(step.answeredAt - step.startedAt!);
      if (step.serverMs !== undefined) times.server?.push(step.serverMs);
      if (step.sawLoading) times.skeletons++;
      await settled(page);
      await sleep(pauseMs);
    }
  } finally {
    await context.close();
  }
  return times;
}

/** Clicks "Next" on /tickets `count` times, a reading pause apart, timing each until the new rows show. */
export async function ticketPages(session: Session, count: number, thinkMs: number): Promise<StepTimes> {
  const context = await freshContext(session);
  const times: StepTimes = { ms: [], skeletons: 0 };
  try {
    const page = await context.newPage();
    await page.goto('/tickets', { waitUntil: 'commit' });
    await settled(page);
    const next = page.locator('ops-ticket-list').getByRole('button', { name: 'Next', exact: true });
    for (let i = 0; i < count; i++) {
      // A person reads the page before asking for the next one; the list preloads it meanwhile.
      await sleep(thinkMs);
      await page.evaluate(armClick);
      await page.evaluate(armNextPage);
      await next.click();
      const step = await finishedStep(page, `page ${i + 2} of the ticket list`);
      times.ms.push(step.doneAt! - step.startedAt!);
      if (step.sawLoading) times.skeletons++;
    }
  } finally {
    await context.close();
  }
  return times;
}

/** This process's wall clock with sub-millisecond resolution, comparable with pageEpoch(). */
function epoch(): number {
  return performance.timeOrigin + performance.now();
}

/** The page's clock minus this process's, from the round trip with the least delay. */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const before = epoch();
    const inPage = await page.evaluate(pageEpoch);
    const after = epoch();
    if (after - before < best.rtt) best = { rtt: after - before, offset: inPage - (before + after) / 2 };
  }
  return best.offset;
}

export interface InsertTimes extends StepTimes {
  /** The INSERT statement alone, commit included. */
  statementMs: number[];
}

/**
 * Inserts one ticket at a time as the database superuser (as another system writing to the
 * database would) and times it until the dashboard's "Total tickets" shows the new count. The
 * inserted rows are deleted by the caller (they carry `insertedTitle`).
 */
export async function insertsVisible(session: Session, sql: Sql, count: number, pauseMs: number): Promise<InsertTimes> {
  const context = await freshContext(session);
  const times: InsertTimes = { ms: [], skeletons: 0, statementMs: [] };
  try {
    const page = await context.newPage();
    await page.goto('/dashboard', { waitUntil: 'commit' });
    await settled(page);
    const total = page.locator('ops-kpi-cards [data-metric="total"]');
    for (let i = 0; i < count; i++) {
      const before = Number(await total.getAttribute('data-value'));
      if (!Number.isSafeInteger(before)) throw new Error(`the KPI total reads ${String(await total.getAttribute('data-value'))}`);
      const offset = await clockOffset(page);
      await page.evaluate(armMetric, { widget: 'ops-kpi-cards', metric: 'total', value: String(before + 1) });
      const started = epoch();
      await sql`insert into tickets (client_id, ticket_type_id, title) values (1, 1, ${insertedTitle})`;
      times.statementMs.push(epoch() - started);
      const step = await finishedStep(page, `KPI total ${before + 1} after an insert`);
      times.ms.push(step.doneAt! - offset - started);
      await settled(page);
      await sleep(pauseMs);
    }
  } finally {
    await context.close();
  }
  return times;
}
