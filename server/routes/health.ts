// GET /healthz: can this API reach Postgres, is the schema current, and does zero-cache answer?
// 200 when all three hold, 503 otherwise, always with the details.
import { Hono } from 'hono';
import type { Config } from '../../config/env.ts';
import { lastAppliedByRuntime, migrationStatus } from '../../database/migrations.ts';
import type { Database } from '../database.ts';

async function timed<T>(probe: () => Promise<T>): Promise<{ value: T; latencyMs: number }> {
  const start = performance.now();
  const value = await probe();
  return { value, latencyMs: Math.round((performance.now() - start) * 100) / 100 };
}

function failure(err: unknown): { ok: false; error: string } {
  return { ok: false, error: err instanceof Error ? err.message : String(err) };
}

export function healthRoutes(config: Config, db: Database): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const [postgres, migrations, zeroCache] = await Promise.all([
      timed(() => db.runtime<{ version: string }[]>`select current_setting('server_version') as version`)
        .then(({ value, latencyMs }) => ({ ok: true as const, version: value[0]?.version, latencyMs }))
        .catch(failure),
      migrationStatus(db.runtime, lastAppliedByRuntime)
        .then((s) => ({ ok: s.pending === 0, ...s }))
        .catch(failure),
      timed(() => fetch(`${config.urls.zeroInternal}/`, { signal: AbortSignal.timeout(2000) }))
        .then(({ value, latencyMs }) => ({ ok: value.ok, status: value.status, latencyMs }))
        .catch(failure),
    ]);
    const ok = postgres.ok && migrations.ok && zeroCache.ok;
    return c.json({ status: ok ? 'ok' : 'degraded', postgres, migrations, zeroCache }, ok ? 200 : 503);
  });
  return app;
}
