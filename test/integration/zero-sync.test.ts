// zero-cache + API against a seeded database: health, the synced recent-tickets query seen by real
// Zero clients of different users, live propagation of an insert, and what reaches the replica.
import path from 'node:path';
import Database from '@rocicorp/zero-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.ts';
import { Service } from '../../scripts/stack/service.ts';
import { apiSpec } from '../../scripts/stack/services.ts';
import { queries } from '../../shared/zero/queries.ts';
import { startApiStack, type ApiStack } from '../support/api-stack.ts';
import { watch } from '../support/zero-client.ts';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack('zero_sync', { tickets: 1500, seed: 11 });
});

afterAll(async () => {
  await stack?.stop();
});

async function newestIds(limit: number, clientId?: number): Promise<number[]> {
  const rows = clientId
    ? await stack.db.sql<{ id: number }[]>`
        select id from tickets where client_id = ${clientId} order by created_at desc, id desc limit ${limit}`
    : await stack.db.sql<{ id: number }[]>`select id from tickets order by created_at desc, id desc limit ${limit}`;
  return rows.map((r) => r.id);
}

describe('the API next to zero-cache', () => {
  it('reports Postgres, migrations and zero-cache as healthy', async () => {
    const res = await stack.api('/healthz');
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
    // A second API pointed at a port where nothing listens.
    const broken = loadConfig({ ...stack.config.env, ZERO_PORT: '4898', API_PORT: '3198' });
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

describe('synced queries through real Zero clients', () => {
  it('syncs the 20 newest tickets to staff, and then an inserted one, live', async () => {
    const admin = await stack.signIn('admin@company.com');
    const view = watch(stack.zeroFor(admin).materialize(queries.tickets.recent()));
    await view.until((s) => s.complete && s.rows.length === 20, 30_000);
    expect(view.last().rows.map((r) => r.id)).toEqual(await newestIds(20));

    const [row] = await stack.db.sql<{ id: number }[]>`
      insert into tickets (client_id, ticket_type_id, status, priority, title, created_at)
      values (2, 3, 'open', 'urgent', 'Integration live check', now()) returning id`;
    const started = performance.now();
    await view.until((s) => s.rows[0]?.id === row!.id, 10_000);
    console.log(`insert → Zero client: ${(performance.now() - started).toFixed(0)} ms`);
    expect(view.last().rows.map((r) => r.id)).toEqual(await newestIds(20));
    view.destroy();
  });

  it("syncs only a client user's own tickets", async () => {
    const client = await stack.signIn('contact@growthco.io');
    expect(client.me).toMatchObject({ role: 'client', clientId: 2 });
    const view = watch(stack.zeroFor(client).materialize(queries.tickets.recent()));
    await view.until((s) => s.complete, 30_000);
    const ids = view.last().rows.map((r) => r.id);
    expect(ids).toEqual(await newestIds(20, 2));
    expect(ids.length).toBeGreaterThan(0);
    view.destroy();
  });

  it('replicates exactly the seven helpdesk tables plus the change counters, and only public team member columns', () => {
    const replica = new Database(path.join(stack.config.dataDir, 'zero', 'replica.db'), { readonly: true });
    try {
      const tables = replica.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as {
        name: string;
      }[];
      // zero-cache's own metadata tables are schema-qualified (zero.*, zero_0.*); SQLite keeps stats.
      const appTables = tables
        .map((t) => t.name)
        .filter((n) => !n.includes('.') && !n.startsWith('sqlite_') && !n.startsWith('_'));
      expect(appTables).toEqual([
        'change_counters',
        'clients',
        'payments',
        'team_members',
        'ticket_feedback',
        'ticket_messages',
        'ticket_types',
        'tickets',
      ]);
      const columns = replica.prepare(`select name from pragma_table_info('team_members')`).all() as { name: string }[];
      expect(columns.map((c) => c.name).filter((n) => !n.startsWith('_'))).toEqual(['id', 'username', 'department', 'status']);
    } finally {
      replica.close();
    }
  });
});
