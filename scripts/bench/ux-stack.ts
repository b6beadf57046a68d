// The whole product for the UX benchmark, on ports of its own and one data folder per database
// size (.data/bench-ux-<tickets>), so each size keeps its seeded cluster and zero-cache replica
// between runs and only the first run pays for seeding and zero-cache's initial sync.
import { loadConfig, type Config } from '../../config/env.ts';
import { withSecrets } from '../../config/secrets.ts';
import { connect } from '../../database/client.ts';
import { ensureDatabases } from '../../database/databases.ts';
import { runMigrations } from '../../database/migrations.ts';
import { createProgressDisplay } from '../../database/seed/progress-display.ts';
import { seedDatabase } from '../../database/seed/index.ts';
import { startPostgres } from '../stack/postgres.ts';
import { startStack } from '../stack/run.ts';
import { stopAllServices } from '../stack/service.ts';

/** Titles of the tickets the insert → visible measurement writes, so any run can remove them. */
export const insertedTitle = 'bench-ux: insert → visible';

const benchEnv = {
  ...process.env,
  // A scratch cluster of its own, whatever .env or the shell points DATABASE_URL at.
  DATABASE_URL: undefined,
  ZERO_CVR_DB: undefined,
  ZERO_CHANGE_DB: undefined,
  PG_PORT: '54379',
  HOST_PORT: '3140',
  API_PORT: '3141',
  EMBED_DEMO_PORT: '3142',
  ZERO_PORT: '4888',
  // Every sign-in comes from 127.0.0.1.
  SIGN_IN_RATE_LIMIT: '1000',
};

function configFor(tickets: number): Config {
  return withSecrets(loadConfig({ ...benchEnv, DATA_DIR: `.data/bench-ux-${tickets}` }));
}

/**
 * Leaves the data folder holding exactly `tickets` seeded tickets (seed 1) and no rows of an
 * interrupted earlier run. A database with some other count is not reseeded in place: zero-cache's
 * replica would have to replay the whole reload.
 */
async function ensureSeeded(tickets: number, log: (line: string) => void): Promise<Config> {
  const config = configFor(tickets);
  const postgres = await startPostgres(config, (line) => log(`postgres ${line}`));
  const sql = connect(config.postgres.adminUrl, { max: 2 });
  try {
    await ensureDatabases(config, (line) => log(`databases ${line}`));
    await runMigrations(config.postgres.adminUrl);
    await sql`delete from tickets where title = ${insertedTitle}`;
    const [{ count } = { count: -1 }] = await sql<{ count: number }[]>`select count(*)::int as count from tickets`;
    if (count === tickets) return config;
    if (count !== 0) {
      throw new Error(
        `${config.dataDir} holds ${count} tickets, not ${tickets}. Delete that folder (and the Postgres ` +
          'cluster named above, if it was kept elsewhere) to seed it again.',
      );
    }
    log(`seeding ${tickets} tickets (seed 1), once; later runs reuse ${config.dataDir}`);
    const started = performance.now();
    const display = createProgressDisplay();
    try {
      await seedDatabase(sql, { tickets, seed: 1, demoPassword: config.demoPassword, onProgress: display.update });
    } finally {
      display.stop();
    }
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return config;
  } finally {
    await sql.end({ timeout: 5 });
    await postgres?.stop();
  }
}

/** Seeds if needed, then starts Postgres, zero-cache, the API, the builds and the host. */
export async function startBenchStack(tickets: number, log: (line: string) => void): Promise<Config> {
  const config = await ensureSeeded(tickets, log);
  const started = performance.now();
  await startStack(config, { log: (line) => log(`stack ${line.trim()}`) });
  log(`stack up in ${((performance.now() - started) / 1000).toFixed(1)} s: ${config.urls.host}`);
  return config;
}

export const stopBenchStack = stopAllServices;
