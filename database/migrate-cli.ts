// `npm run db:migrate`: creates the databases if missing and applies pending migrations to the
// configured Postgres (the embedded one must be running: `npm start` does both).
import { ConfigError, loadConfig, redact } from '../config/env.ts';
import { connect } from './client.ts';
import { ensureDatabases } from './databases.ts';
import { runMigrations } from './migrations.ts';

try {
  const config = loadConfig();
  await ensureDatabases(config, (line) => console.log(line));
  const sql = connect(config.postgres.adminUrl, { max: 1 });
  try {
    const status = await runMigrations(sql);
    console.log(`${redact(config.postgres.adminUrl)}: ${status.applied}/${status.total} migrations applied (latest ${status.latest})`);
  } finally {
    await sql.end();
  }
} catch (err) {
  const message = err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`;
  console.error(message);
  if (err instanceof Error && 'code' in err && err.code === 'ECONNREFUSED') {
    console.error('Is Postgres running? `npm start` starts the embedded one.');
  }
  process.exit(1);
}
