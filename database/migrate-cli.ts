// `npm run db:migrate`: creates the databases if missing and applies pending migrations to the
// configured Postgres (the embedded one must be running: `npm start` does both).
import { ConfigError, loadConfig, redact } from '../config/env.ts';
import { ensureDatabases } from './databases.ts';
import { runMigrations } from './migrations.ts';

try {
  const config = loadConfig();
  await ensureDatabases(config, (line) => console.log(line));
  const status = await runMigrations(config.postgres.adminUrl);
  console.log(`${redact(config.postgres.adminUrl)}: ${status.applied}/${status.total} migrations applied (latest ${status.latest})`);
} catch (err) {
  const message = err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`;
  console.error(message);
  if (err instanceof Error && 'code' in err && err.code === 'ECONNREFUSED') {
    console.error('Is Postgres running? `npm start` starts the embedded one.');
  }
  process.exit(1);
}
