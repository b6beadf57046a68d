// `npm run bench:ux`: the staff dashboard as a person meets it, in a real Chromium (Debian's, with
// the launch options of playwright.config.ts) against the whole stack started here. Per database
// size it times, as the signed-in demo admin:
//   - /dashboard from navigation start until every widget shows data (data-state="ready"), in a
//     fresh browser context (cold: no HTTP cache, no Zero store) and on reload (warm);
//   - a filter change in the filter bar until every widget has refreshed and is ready again;
//   - beside both, the stack floor (scripts/bench/floor): the same charts drawn by React and
//     recharts alone, loaded and redrawn the same ways;
//   - "Next" on the ticket list (/tickets) until the next page's rows are shown;
//   - a ticket inserted with plain SQL until the key numbers' total shows it.
// Times are taken inside the page (see scripts/bench/ux-probes.ts) and printed as p50/p95/max
// beside the targets.
//   node scripts/bench-ux.ts [--tickets 42900,1000000] [--loads 10] [--changes 30] [--pages 30]
//                            [--inserts 10] [--think 1000] [--seed 1]
// Each size has its own data folder (.data/bench-ux-<tickets>), kept between runs: only the first
// run seeds it and lets zero-cache copy every table into its replica (at 1M: ≈ 80 s and ≈ 40 s on
// the 2-core machine). Ports: host 3140, API 3141, embed demo 3142, zero-cache 4888-4889,
// Postgres 54379.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import playwrightConfig from '../playwright.config.ts';
import { connect } from '../database/client.ts';
import { seededRandom } from '../test/support/random-filters.ts';
import { formatMs, sizeLabel, summarize } from './bench/stats.ts';
import { markdownTable } from './bench/table.ts';
import { floorFilterChanges, floorLoads, startFloor } from './bench/ux-floor.ts';
import { dashboardLoads, filterChanges, insertsVisible, signIn, ticketPages } from './bench/ux-measurements.ts';
import { insertedTitle, startBenchStack, stopBenchStack } from './bench/ux-stack.ts';

const usage =
  'usage: node scripts/bench-ux.ts [--tickets 42900,1000000] [--loads 10] [--changes 30] [--pages 30] [--inserts 10] [--think 1000] [--seed 1]';
const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '42900,1000000' },
    loads: { type: 'string', default: '10' },
    changes: { type: 'string', default: '30' },
    pages: { type: 'string', default: '30' },
    inserts: { type: 'string', default: '10' },
    think: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
  },
  strict: true,
});
const sizes = values.tickets.split(',').map((s) => Number(s.trim()));
const counts = { loads: Number(values.loads), changes: Number(values.changes), pages: Number(values.pages), inserts: Number(values.inserts) };
const thinkMs = Number(values.think);
const seed = Number(values.seed);
if (
  sizes.some((n) => !Number.isSafeInteger(n) || n <= 0) ||
  !Object.values(counts).every((n) => Number.isSafeInteger(n) && n >= 1) ||
  !Number.isSafeInteger(thinkMs) ||
  thinkMs < 0 ||
  !Number.isSafeInteger(seed)
) {
  console.error(usage);
  process.exit(2);
}

const measures = {
  cold: { name: 'dashboard, cold load → every widget ready', target: 300 },
  warm: { name: 'dashboard, reload → every widget ready', target: 300 },
  floorCold: { name: 'stack floor, cold load → charts drawn', target: 300 },
  floorWarm: { name: 'stack floor, reload → charts drawn', target: 300 },
  filter: { name: 'filter change → every widget redrawn', target: 100 },
  floorFilter: { name: 'stack floor, filter change → redrawn', target: 100 },
  next: { name: 'ticket list, Next → new rows shown', target: 50 },
  insert: { name: 'SQL insert → KPI total shows it', target: 1000 },
} as const;
type Measure = keyof typeof measures;

interface SizeResult {
  tickets: number;
  samples: Record<Measure, number[]>;
  notes: string[];
}

const log = (line: string) => console.log(`[bench] ${line}`);

// Ctrl-C stops what this script started instead of leaving Postgres and zero-cache behind.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the stack`);
    void stopBenchStack().finally(() => process.exit(130));
  });
}

const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
const results: SizeResult[] = [];
// Built once: the floor does not depend on the database, and each size measures it beside its dashboard.
const floorPage = await startFloor();
try {
  for (const tickets of sizes) results.push(await benchmark(tickets));
} finally {
  await floorPage.close();
  await browser.close();
}
report(results);

async function benchmark(tickets: number): Promise<SizeResult> {
  const label = sizeLabel(tickets);
  const config = await startBenchStack(tickets, log);
  // A shared 2-core machine: what else was running is part of the figures.
  const loadBefore = os.loadavg()[0]!;
  const sql = connect(config.postgres.adminUrl, { max: 1 });
  try {
    const session = await signIn(browser, config);
    const r = seededRandom(seed);

    log(`${label}: dashboard, 3 throwaway loads, then ${counts.loads} cold loads each followed by a reload`);
    const loads = await dashboardLoads(session, counts.loads, 3, log);
    log(`${label}: cold p50 ${formatMs(summarize(loads.cold).p50)} ms, reload p50 ${formatMs(summarize(loads.warm).p50)} ms`);

    log(`${label}: the stack floor, 3 throwaway loads, then ${counts.loads} cold loads each followed by a reload`);
    const floor = await floorLoads(browser, floorPage.url, counts.loads, 3);
    log(`${label}: floor cold p50 ${formatMs(summarize(floor.cold).p50)} ms, reload p50 ${formatMs(summarize(floor.warm).p50)} ms`);

    log(`${label}: ${counts.changes} filter changes in the filter bar`);
    const filters = await filterChanges(session, counts.changes, r, 300);
    log(`${label}: filter change p50 ${formatMs(summarize(filters.ms).p50)} ms`);

    log(`${label}: ${counts.changes} filter changes on the stack floor`);
    const floorFilters = await floorFilterChanges(browser, floorPage.url, counts.changes, seededRandom(seed), 300);
    log(`${label}: floor filter change p50 ${formatMs(summarize(floorFilters).p50)} ms`);

    log(`${label}: ${counts.pages} × Next on the ticket list, ${thinkMs} ms apart`);
    const pages = await ticketPages(session, counts.pages, thinkMs);
    log(`${label}: next page p50 ${formatMs(summarize(pages.ms).p50)} ms`);

    log(`${label}: ${counts.inserts} tickets inserted with SQL, one at a time`);
    const inserts = await insertsVisible(session, sql, counts.inserts, 1000).finally(
      () => sql`delete from tickets where title = ${insertedTitle}`,
    );
    log(`${label}: insert → visible p50 ${formatMs(summarize(inserts.ms).p50)} ms`);

    const insertStatement = summarize(inserts.statementMs);
    const parts = [...loads.coldParts]
      .map(([name, ms]) => ({ name, p50: summarize(ms).p50 }))
      .sort((a, b) => a.p50 - b.p50)
      .map((p) => `${p.name} ${formatMs(p.p50)}`);
    return {
      tickets,
      samples: { cold: loads.cold, warm: loads.warm, floorCold: floor.cold, floorWarm: floor.warm, filter: filters.ms, floorFilter: floorFilters, next: pages.ms, insert: inserts.ms },
      notes: [
        `first dashboard load after the stack started: ${(loads.first / 1000).toFixed(1)} s`,
        `cold loads, p50 ms from navigation start: ${parts.join(', ')}`,
        `filter changes during which a widget showed its skeleton again: ${filters.skeletons} of ${filters.ms.length}`,
        `filter changes, p50 / p95 ms: click → answer in ${spread(filters.answered)}, of which the API's own time (Server-Timing) ${spread(filters.server)}`,
        `ticket pages that showed the skeleton (not preloaded in time): ${pages.skeletons} of ${pages.ms.length}`,
        `the INSERT itself (commit included): p50 ${formatMs(insertStatement.p50)} ms, max ${formatMs(insertStatement.max)} ms`,
        `machine load average (1 min) ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after, on ${os.cpus().length} cores`,
      ],
    };
  } finally {
    await sql.end({ timeout: 5 });
    await stopBenchStack();
  }
}

function spread(ms: number[] | undefined): string {
  if (!ms?.length) return 'not measured';
  const { p50, p95 } = summarize(ms);
  return `${formatMs(p50)} / ${formatMs(p95)}`;
}

function report(all: SizeResult[]): void {
  const header = ['measure', ...all.flatMap((s) => [`${sizeLabel(s.tickets)} p50`, 'p95', 'max', 'n', 'p95 target'])];
  const rows = (Object.keys(measures) as Measure[]).map((m) => [
    measures[m].name,
    ...all.flatMap((s) => {
      const { n, p50, p95, max } = summarize(s.samples[m]);
      const target = measures[m].target;
      return [formatMs(p50), formatMs(p95), formatMs(max), String(n), `${p95 <= target ? '✓' : '✗'} ${target}`];
    }),
  ]);
  console.log(`\n${markdownTable(header, rows)}\n`);
  for (const s of all) for (const note of s.notes) console.log(`- ${sizeLabel(s.tickets)}: ${note}`);
}
