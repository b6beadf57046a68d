// zero-cache + API against a seeded database: health, the synced recent-tickets query seen by a
// real Zero client, live propagation of an insert, and what reaches the replica.
import path from 'node:path';
import { Zero } from '@rocicorp/zero';
import Database from '@rocicorp/zero-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../config/env.ts';
import { seedDatabase } from '../../database/seed/index.ts';
import { Service } from '../../scripts/stack/service.ts';
import { apiSpec, zeroCacheSpec } from '../../scripts/stack/services.ts';
import { queries } from '../../shared/zero/queries.ts';
import { schema } from '../../shared/zero/schema.gen.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { integrationConfig } from '../support/test-stack.ts';

let db: TestDatabase;
let config: Config;
const services: Service[] = [];
let zero: Zero | undefined;

beforeAll(async () => {
  db = await createTestDatabase('zero_sync');
  await seedDatabase(db.sql, { tickets: 1500, seed: 11 });
  const ports = integrationConfig();
  config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    ZERO_CVR_DB: db.url,
    ZERO_CHANGE_DB: db.url,
    DATA_DIR: path.join('.data', 'test-integration', db.name),
    ZERO_PORT: String(ports.ports.zero),
    API_PORT: String(ports.ports.api),
  });
  services.push(await Service.start(zeroCacheSpec(config, false)));
  services.push(await Service.start(apiSpec(config, false)));
});

afterAll(async () => {
  await zero?.close();
  for (const s of services.reverse()) await s.stop();
  await db?.drop();
});

async function newestIds(limit: number): Promise<number[]> {
  const rows = await db.sql<{ id: number }[]>`select id from tickets order by created_at desc, id desc limit ${limit}`;
  return rows.map((r) => r.id);
}

describe('the API next to zero-cache', () => {
  it('reports Postgres, migrations and zero-cache as healthy', async () => {
    const res = await fetch(`${config.urls.apiInternal}/healthz`);
    const body = (await res.json()) as {
      status: string;
      postgres: { ok: boolean; version: string };
      migrations: { ok: boolean; applied: number; total: number; pending: number };
      zeroCache: { ok: boolean; status: number };
    };
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.postgres.ok).toBe(true);
    expect(body.postgres.version).toMatch(/^17\./);
    expect(body.migrations).toMatchObject({ ok: true, pending: 0 });
    expect(body.migrations.applied).toBe(body.migrations.total);
    expect(body.zeroCache).toMatchObject({ ok: true, status: 200 });
  });

  it('reports degraded with 503 when zero-cache is unreachable', async () => {
    const res = await fetch(`${config.urls.apiInternal}/healthz`);
    expect(res.status).toBe(200);
    // A second API pointed at a port where nothing listens.
    const broken = loadConfig({ ...config.env, ZERO_PORT: '4898', API_PORT: '3198' });
    const api = await Service.start({ ...apiSpec(broken, false), name: 'api-broken' });
    try {
      const r = await fetch(`${broken.urls.apiInternal}/healthz`);
      const b = (await r.json()) as { status: string; zeroCache: { ok: boolean }; postgres: { ok: boolean } };
      expect(r.status).toBe(503);
      expect(b.status).toBe('degraded');
      expect(b.zeroCache.ok).toBe(false);
      expect(b.postgres.ok).toBe(true);
    } finally {
      await api.stop();
    }
  });
});

describe('synced queries through a real Zero client', () => {
  it('syncs the 20 newest tickets and then an inserted one, live', async () => {
    zero = new Zero({ cacheURL: config.urls.zero, schema, kvStore: 'mem' });
    const view = zero.materialize(queries.tickets.recent());
    const snapshots: { ids: number[]; complete: boolean }[] = [];
    let notify = () => {};
    view.addListener((rows, resultType) => {
      snapshots.push({ ids: rows.map((r) => r.id), complete: resultType === 'complete' });
      notify();
    });
    const waitFor = (check: (s: { ids: number[]; complete: boolean }) => boolean, ms: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; last: ${JSON.stringify(snapshots.at(-1))}`)), ms);
        notify = () => {
          const last = snapshots.at(-1);
          if (last && check(last)) {
            clearTimeout(timer);
            resolve();
          }
        };
        notify();
      });

    const expected = await newestIds(20);
    await waitFor((s) => s.complete && s.ids.length === 20, 30_000);
    expect(snapshots.at(-1)!.ids).toEqual(expected);

    const [row] = await db.sql<{ id: number }[]>`
      insert into tickets (client_id, ticket_type_id, status, priority, title, created_at)
      values (2, 3, 'open', 'urgent', 'Integration live check', now()) returning id`;
    const started = performance.now();
    await waitFor((s) => s.ids[0] === row!.id, 10_000);
    console.log(`insert → Zero client: ${(performance.now() - started).toFixed(0)} ms`);
    expect(snapshots.at(-1)!.ids).toEqual(await newestIds(20));
    view.destroy();
  });

  it('replicates exactly the seven published tables, without team member emails', () => {
    const replica = new Database(path.join(config.dataDir, 'zero', 'replica.db'), { readonly: true });
    try {
      const tables = replica
        .prepare(`select name from sqlite_master where type = 'table' order by name`)
        .all() as { name: string }[];
      // zero-cache's own metadata tables are schema-qualified (zero.*, zero_0.*); SQLite keeps stats.
      const appTables = tables
        .map((t) => t.name)
        .filter((n) => !n.includes('.') && !n.startsWith('sqlite_') && !n.startsWith('_'));
      expect(appTables).toEqual([
        'clients',
        'payments',
        'team_members',
        'ticket_feedback',
        'ticket_messages',
        'ticket_types',
        'tickets',
      ]);
      const columns = replica.prepare(`select name from pragma_table_info('team_members')`).all() as { name: string }[];
      expect(columns.map((c) => c.name)).not.toContain('email');
      expect(columns.map((c) => c.name)).toContain('username');
    } finally {
      replica.close();
    }
  });
});
