// Measures the seed generator end to end: starts a scratch embedded Postgres (.data/bench, port
// 54359, never the development cluster), migrates it, seeds the default 42,900 tickets and then
// 1,000,000 (or the sizes given with --tickets a,b,...), and prints rows, seconds and rows/s.
//   node scripts/bench-seed.ts [--tickets 42900,1000000] [--seed 1]
import { parseArgs } from 'node:util';
import { loadConfig, redact } from '../config/env.ts';
import { connect } from '../database/client.ts';
import { ensureDatabases } from '../database/databases.ts';
import { runMigrations } from '../database/migrations.ts';
import { helpdeskTables, type HelpdeskTable } from '../database/schema/helpdesk.ts';
import { createProgressDisplay } from '../database/seed/progress-display.ts';
import { seedDatabase, type SeedProgress, type SeedReport } from '../database/seed/index.ts';
import { markdownTable } from './bench/table.ts';
import { startPostgres } from './stack/postgres.ts';

interface Measurement {
  report: SeedReport;
  /** Seconds spent in each stage, from the first progress event of one stage to the next. */
  stages: Record<SeedProgress['stage'], number>;
}

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '42900,1000000' }, seed: { type: 'string', default: '1' } },
  strict: true,
});
const sizes = values.tickets.split(',').map((s) => Number(s.trim()));
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 0) || !Number.isSafeInteger(seed) || seed < 0) {
  console.error('usage: node scripts/bench-seed.ts [--tickets 42900,1000000] [--seed 1]');
  process.exit(2);
}

const config = loadConfig({
  ...process.env,
  // A scratch cluster of its own, whatever .env or the shell points DATABASE_URL at.
  DATABASE_URL: undefined,
  ZERO_CVR_DB: undefined,
  ZERO_CHANGE_DB: undefined,
  DATA_DIR: '.data/bench',
  PG_PORT: '54359',
});
const log = (line: string) => console.log(`[bench] ${line}`);
const postgres = await startPostgres(config, log);
const sql = connect(config.postgres.adminUrl, { max: 1 });
const results: Measurement[] = [];
try {
  await ensureDatabases(config, log);
  await runMigrations(config.postgres.adminUrl);
  const [server] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
  log(`Postgres ${server?.version ?? '?'} at ${redact(config.postgres.adminUrl)}`);
  for (const tickets of sizes) {
    log(`seeding ${tickets} tickets (seed ${seed})`);
    results.push(await measure(tickets));
  }
} finally {
  await sql.end({ timeout: 5 });
  await postgres?.stop();
}
printTable(results);

async function measure(tickets: number): Promise<Measurement> {
  const display = createProgressDisplay();
  const stages: Measurement['stages'] = { truncate: 0, copy: 0, rebuild: 0, analyze: 0 };
  let current: SeedProgress['stage'] | null = null;
  let since = performance.now();
  const closeStage = () => {
    const now = performance.now();
    if (current !== null) stages[current] += (now - since) / 1000;
    since = now;
  };
  const onProgress = (p: SeedProgress) => {
    display.update(p);
    if (p.stage === current) return;
    closeStage();
    current = p.stage;
  };
  try {
    const report = await seedDatabase(sql, { tickets, seed, onProgress });
    closeStage();
    return { report, stages };
  } finally {
    display.stop();
  }
}

function printTable(measurements: Measurement[]): void {
  const header = ['tickets', ...helpdeskTables, 'total rows', 'seconds', 'rows/s', 'copy s', 'rebuild s', 'analyze s'];
  const rows = measurements.map(({ report, stages }) => {
    const total = helpdeskTables.reduce((sum, t: HelpdeskTable) => sum + report.counts[t], 0);
    const seconds = report.elapsedMs / 1000;
    return [
      String(report.tickets),
      ...helpdeskTables.map((t) => String(report.counts[t])),
      String(total),
      seconds.toFixed(1),
      String(Math.round(total / seconds)),
      stages.copy.toFixed(1),
      stages.rebuild.toFixed(1),
      stages.analyze.toFixed(1),
    ];
  });
  console.log(markdownTable(header, rows));
}
