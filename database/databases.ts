// The application database and zero-cache's CVR and change databases, created when missing.
import { databaseName, redact, type Config } from '../config/env.ts';
import { connect } from './client.ts';

export async function ensureDatabases(config: Config, log: (line: string) => void): Promise<void> {
  const { postgres: pg } = config;
  const admin = connect(pg.maintenanceUrl, { max: 1 });
  try {
    const wanted = [pg.adminUrl, pg.zeroCvrUrl, pg.zeroChangeUrl];
    for (const url of new Set(wanted)) {
      // Only databases on the same server can be created from here; others must exist already.
      if (new URL(url).host !== new URL(pg.maintenanceUrl).host) continue;
      const name = databaseName(url);
      const [row] = await admin`select 1 as found from pg_database where datname = ${name}`;
      if (row) continue;
      try {
        await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
        log(`created database ${name}`);
      } catch (err) {
        throw new Error(
          `Could not create database "${name}" on ${redact(pg.maintenanceUrl)}: ${(err as Error).message}. ` +
            'Create it yourself, or point ZERO_CVR_DB / ZERO_CHANGE_DB at databases that exist.',
        );
      }
    }
  } finally {
    await admin.end();
  }
}
