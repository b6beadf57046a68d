// Brings the whole product up — Postgres → databases → migrations → seed if empty → zero-cache,
// API, embed demo, widget build, host — and down in reverse.
import fs from 'node:fs';
import path from 'node:path';
import { redact, type Config } from '../../config/env.ts';
import { connect } from '../../database/client.ts';
import { ensureDatabases } from '../../database/databases.ts';
import { useReportTimezone } from '../../database/analytics.ts';
import { runMigrations } from '../../database/migrations.ts';
import { enableLoginRoles, grantZeroBookkeeping } from '../../database/roles.ts';
import { createDemoAccountsIfNoUsers, seedIfEmpty } from '../../database/seed/index.ts';
import { buildIfStale } from './builds.ts';
import { startPostgres } from './postgres.ts';
import { assertPortFree, Service, stopAllServices } from './service.ts';
import { replicaForMigration } from './replica.ts';
import { apiSpec, embedDemoSpec, hostBuildSpec, hostSpec, widgetBuildSpec, zeroCacheSpec, zeroDir } from './services.ts';

export interface StackOptions {
  /** Delete the data folder first (tests start from a known state). */
  fresh?: boolean;
  /** Echo zero-cache, API and host output to the console. */
  echo?: boolean;
  log?: (line: string) => void;
}

export interface RunningStack {
  config: Config;
  services: Service[];
  /** Resolves with the first service that exits on its own. */
  crashed: Promise<Service>;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export async function startStack(config: Config, options: StackOptions = {}): Promise<RunningStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const step = (name: string, detail: string, since?: number) =>
    log(`  ${name.padEnd(11)} ${detail}${since === undefined ? '' : `  (${seconds(since)})`}`);
  const echo = options.echo ?? false;
  const services: Service[] = [];
  // postgres.js connects on first use, i.e. after ensureDatabases has created the database.
  const admin = connect(config.postgres.adminUrl, { max: 2 });

  try {
    if (options.fresh) fs.rmSync(config.dataDir, { recursive: true, force: true });
    fs.mkdirSync(config.dataDir, { recursive: true });
    await assertPortFree(config.ports.host, 'host', 'HOST_PORT');
    await assertPortFree(config.ports.api, 'API', 'API_PORT');
    if (config.embedDemoApiKey) await assertPortFree(config.ports.embedDemo, 'embed demo', 'EMBED_DEMO_PORT');
    await assertPortFree(config.ports.zero, 'zero-cache', 'ZERO_PORT');
    await assertPortFree(config.ports.zeroChangeStreamer, 'zero-cache change streamer (ZERO_PORT+1)', 'ZERO_PORT');

    let t = performance.now();
    const postgres = await startPostgres(config, (line) => step('postgres', line));
    if (postgres) services.push(postgres);
    step('postgres', postgres ? `embedded on 127.0.0.1:${config.ports.postgres}` : `external ${redact(config.postgres.adminUrl)}`, t);

    t = performance.now();
    await ensureDatabases(config, (line) => step('databases', line));
    const status = await runMigrations(config.postgres.adminUrl);
    await enableLoginRoles(admin, config);
    step('migrations', `${status.applied}/${status.total} applied, latest ${status.latest}`, t);
    const replica = replicaForMigration(zeroDir(config), status.latest ?? 'none');
    if (replica) step('zero-cache', replica);
    if (await useReportTimezone(admin, config.reportTimezone)) {
      step('analytics', `rollups rebuilt for REPORT_TIMEZONE=${config.reportTimezone}`);
    }
    await seedIfEmpty(admin, (line) => step('seed', line), config.demoPassword);
    const demo = await createDemoAccountsIfNoUsers(admin, config.demoPassword);
    if (demo !== null) step('accounts', `no users yet: created ${demo} demo accounts`);

    // zero-cache, the API and the builds start together, so zero-cache's ~8 s warm-up is paid once.
    // The host, the product's front door, starts last: once it answers, everything behind it does.
    t = performance.now();
    const timed = <T>(name: string, detail: string, work: Promise<T>) =>
      work.then((value) => {
        step(name, detail, t);
        return value;
      });
    const zero = timed(
      'zero-cache',
      `ready on port ${config.ports.zero}`,
      Service.start(zeroCacheSpec(config, echo)).then(async (service) => {
        await grantZeroBookkeeping(admin);
        return service;
      }),
    );
    const api = timed('api', `ready on port ${config.ports.api}`, Service.start(apiSpec(config, echo)));
    // Another company's tool, on an origin of its own; only where its API key was configured.
    const embedDemo = config.embedDemoApiKey
      ? [timed('embed-demo', `ready on port ${config.ports.embedDemo}`, Service.start(embedDemoSpec(config, echo)))]
      : [];
    const widgets = buildIfStale(widgetBuildSpec(config)).then((ran) =>
      step('widgets', ran ? 'built dist/widgets' : 'up to date', t),
    );
    const hostBuilt = buildIfStale(hostBuildSpec(config)).then((ran) =>
      step('host', ran ? 'built' : 'build up to date', t),
    );
    const host = Promise.all([hostBuilt, zero, api]).then(() =>
      timed('host', `ready on port ${config.ports.host}`, Service.start(hostSpec(config, echo))),
    );
    // Everything is awaited before a failure is reported, so nothing is left half started.
    const [started, built] = await Promise.all([
      Promise.allSettled([zero, api, ...embedDemo, host]),
      Promise.allSettled([widgets]),
    ]);
    for (const r of started) if (r.status === 'fulfilled') services.push(r.value);
    const failed = [...started, ...built].find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;

    // A stop we asked for is not a crash: then this never resolves.
    const crashed = Promise.race(services.map((s) => s.exited.then(() => s))).then((s) =>
      s.isStopping ? new Promise<Service>(() => {}) : s,
    );
    return { config, services, crashed };
  } catch (err) {
    await stopAllServices();
    throw err;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export function describeStack(config: Config): string {
  const pg = config.postgres;
  const lines = [
    `  Dashboard   ${config.urls.host}`,
    `  API         ${config.urls.api}   (health: ${config.urls.api}/healthz)`,
    `  Widgets     ${config.urls.api}/widgets/loader.js`,
    `  zero-cache  ${config.urls.zero}`,
    ...(config.embedDemoApiKey
      ? [
          `  Embed demo  ${config.urls.embedDemo}/embed-demo   (another origin: a chart on an embed token)`,
          `  Portal demo ${config.urls.embedDemo}/portal-demo  (a company site: the client portal on an embed token)`,
        ]
      : []),
    `  Postgres    ${redact(pg.adminUrl)}${pg.embedded ? '   (psql "' + pg.adminUrl + '")' : ''}`,
    `  Logs        ${path.relative(process.cwd(), path.join(config.dataDir, 'logs')) || '.'}/`,
  ];
  return lines.join('\n');
}
