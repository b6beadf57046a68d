// Brings up the database server of a stack: the embedded cluster in the data folder, or a check that
// the external DATABASE_URL server is usable for Zero.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { redact, type Config } from '../../config/env.ts';
import { connect } from '../../database/client.ts';
import { prepareCluster, stalePostmaster } from '../../database/postgres/embedded.ts';
import { assertPortFree, Service, ServiceError } from './service.ts';

async function answers(url: string): Promise<boolean> {
  const sql = connect(url, { max: 1, connect_timeout: 2 });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Stops a postmaster left behind by a supervisor that was killed (fast shutdown, then SIGKILL). */
async function stopStale(pid: number, log: (line: string) => void): Promise<void> {
  log(`stopping a Postgres left running on this data folder (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  process.kill(pid, 'SIGKILL');
}

/** Starts the embedded cluster (returns its service), or checks the external one (returns null). */
export async function startPostgres(
  config: Config,
  log: (line: string) => void,
): Promise<Service | null> {
  if (!config.postgres.embedded) {
    await checkExternal(config);
    return null;
  }
  const cluster = await prepareCluster({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.ports.postgres,
    user: config.postgres.user,
    password: config.postgres.password,
    log,
  });
  const stale = stalePostmaster(cluster.dataDir);
  if (stale !== undefined) await stopStale(stale, log);
  await assertPortFree(config.ports.postgres, 'embedded Postgres', 'PG_PORT');

  return Service.start({
    name: 'postgres',
    command: cluster.command,
    args: cluster.args,
    uid: cluster.runAs.uid,
    gid: cluster.runAs.gid,
    env: { ...config.env, LC_ALL: 'C' },
    logFile: path.join(config.dataDir, 'logs', 'postgres.log'),
    ready: () => answers(config.postgres.maintenanceUrl),
    readyTimeoutMs: 30_000,
    stopSignal: 'SIGINT',
  });
}

async function checkExternal(config: Config): Promise<void> {
  const sql = connect(config.postgres.maintenanceUrl, { max: 1, connect_timeout: 10 });
  try {
    const [row] = await sql<{ wal_level: string; version: string; replication: boolean; bypassrls: boolean }[]>`
      select current_setting('wal_level') as wal_level,
             current_setting('server_version') as version,
             (select rolreplication or rolsuper from pg_roles where rolname = current_user) as replication,
             (select rolbypassrls or rolsuper from pg_roles where rolname = current_user) as bypassrls`;
    if (!row) throw new ServiceError('The external Postgres did not answer a settings query.');
    const problems: string[] = [];
    if (row.wal_level !== 'logical') {
      problems.push(`wal_level is "${row.wal_level}"; Zero needs wal_level=logical (then restart Postgres)`);
    }
    if (!row.replication) {
      problems.push('the DATABASE_URL role lacks REPLICATION (ALTER ROLE ... WITH REPLICATION)');
    }
    if (!row.bypassrls) {
      // Row-level security is forced on the helpdesk tables; migrations, the seed and zero-cache's
      // initial copy must see every row.
      problems.push('the DATABASE_URL role must be a superuser or have BYPASSRLS (ALTER ROLE ... WITH BYPASSRLS)');
    }
    if (problems.length > 0) {
      throw new ServiceError(
        `The external Postgres at ${redact(config.postgres.adminUrl)} cannot serve zero-cache:\n` +
          problems.map((p) => `  - ${p}`).join('\n'),
      );
    }
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new ServiceError(
      `Cannot reach DATABASE_URL ${redact(config.postgres.adminUrl)}: ${(err as Error).message}`,
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
}
