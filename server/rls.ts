// The one way request-scoped SQL reaches Postgres. Every statement a user causes runs in a
// transaction that first switches to app_client or app_staff and sets the request's claims; the
// login role itself can read nothing, so code that skips this helper fails closed.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DBConnection, DBTransaction } from '@rocicorp/zero/server';
import { PostgresJsTransactionInternal, type PostgresJsTransaction } from '@rocicorp/zero/server/adapters/postgresjs';
import { ZQLDatabase } from '@rocicorp/zero/server';
import { isStaffRole, type AuthContext } from '../shared/auth/roles.ts';
import { schema } from '../shared/zero/schema.gen.ts';
import type { Sql } from '../database/client.ts';

export type RlsTransaction = PostgresJsTransaction;
export type RequestRole = 'app_client' | 'app_staff';

export function requestRole(auth: AuthContext): RequestRole {
  return isStaffRole(auth.role) ? 'app_staff' : 'app_client';
}

/** The Supabase/PostgREST claim names the policies' helper functions read (app.claims()). */
export function requestClaims(auth: AuthContext): string {
  return JSON.stringify({
    sub: auth.userId,
    role: auth.role,
    client_id: auth.clientId,
    team_member_id: auth.teamMemberId,
  });
}

export interface RlsOptions {
  /**
   * A read-only transaction on one snapshot (REPEATABLE READ): for reports that read several
   * statements and must add up, e.g. a histogram and the rows it locates, while writes go on.
   */
  snapshot?: boolean;
}

export type RlsWork<T> = (tx: RlsTransaction) => Promise<T>;

export interface WithRls {
  <T>(auth: AuthContext, work: RlsWork<T>, options?: RlsOptions): Promise<T>;
  /**
   * Several read-only works on one snapshot, as `snapshot: true` gives one work, but each on a
   * connection of its own while the spare pool has one free: Postgres runs one connection's
   * statements one after another, so a dashboard's reports would otherwise queue behind each other.
   */
  each<T>(auth: AuthContext, works: readonly RlsWork<T>[]): Promise<T[]>;
}

/** Connections `each` may add to a request's own, from a pool of their own. */
export interface SparePool {
  sql: Sql;
  max: number;
  /**
   * Spare connections are used once batches take this long (a moving average; default 50 ms).
   * Below it a helper's own transaction costs more than it saves. Measured on a dashboard's batch
   * (overview, over time, distribution): at 1M tickets with date ranges the rollups cannot answer,
   * p50 108 → 82 ms with helpers; at 43k, or at 1M with filters the rollups answer, batches take
   * 8-20 ms and helpers made them 2-3 ms slower.
   */
  afterMs?: number;
}

const snapshotMode = 'isolation level repeatable read read only';

/** Postgres's exported snapshot names (e.g. 00000003-0000001B-1): checked before they are spliced into SQL. */
const snapshotName = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/;

/**
 * Switches the transaction to the request's role and claims (set_config(…, true) is SET LOCAL with
 * bound parameters), sent without waiting for its answer: the connection runs statements in order,
 * so the work's first statement follows it directly, and if it failed the transaction is aborted
 * and every later statement fails too. The caller awaits the returned promise after the work.
 */
function enterAs(tx: RlsTransaction, auth: AuthContext): Promise<unknown> {
  const claims = tx`select set_config('role', ${requestRole(auth)}, true),
                           set_config('request.jwt.claims', ${requestClaims(auth)}, true)`.execute();
  // Handled at once (it is awaited later): a rejection must not surface as "unhandled" meanwhile.
  claims.catch(() => {});
  return claims;
}

async function runAs<T>(tx: RlsTransaction, auth: AuthContext, work: RlsWork<T>): Promise<T> {
  const claims = enterAs(tx, auth);
  try {
    return await work(tx);
  } finally {
    await claims;
  }
}

export function createRls(runtime: Sql, spare?: SparePool): WithRls {
  const withRls = async <T>(auth: AuthContext, work: RlsWork<T>, options: RlsOptions = {}): Promise<T> => {
    let result: T | undefined;
    await runtime.begin(options.snapshot ? snapshotMode : '', async (tx) => {
      result = await runAs(tx, auth, work);
    });
    return result as T;
  };

  let spareInUse = 0;
  let typicalMs = 0;
  const each = async <T>(auth: AuthContext, works: readonly RlsWork<T>[]): Promise<T[]> => {
    const started = performance.now();
    try {
      return await eachOnce(auth, works);
    } finally {
      typicalMs = 0.7 * typicalMs + 0.3 * (performance.now() - started);
    }
  };
  const eachOnce = async <T>(auth: AuthContext, works: readonly RlsWork<T>[]): Promise<T[]> => {
    // Counted here rather than queued in the pool: a request holding its own connection while it
    // waits for spare ones could starve the others, so it only takes what is free right now.
    const worthIt = spare !== undefined && typicalMs >= (spare.afterMs ?? 50);
    const helpers = spare && worthIt ? Math.min(works.length - 1, spare.max - spareInUse) : 0;
    if (!spare || helpers <= 0) return withRls(auth, (tx) => Promise.all(works.map((work) => work(tx))), { snapshot: true });
    spareInUse += helpers;
    try {
      return await withRls(auth, async (tx) => {
        // The request's own transaction exports its snapshot; each helper imports it as its first
        // statement, so every work reads the same data. This transaction stays open until they end.
        // Its own works are sent behind the export at once, not after its answer.
        const exported = tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`.execute();
        const own = works.slice(0, works.length - helpers).map((work) => work(tx));
        // Awaited below (Promise.all); if the export fails first, they fail with the transaction.
        for (const answer of own) answer.catch(() => {});
        const [{ snapshot } = { snapshot: '' }] = await exported;
        if (!snapshotName.test(snapshot)) throw new Error(`Unexpected snapshot name from pg_export_snapshot(): ${snapshot}`);
        const helped = works.slice(works.length - helpers).map(async (work) => {
          let result: T | undefined;
          await spare.sql.begin(snapshotMode, async (htx) => {
            const imported = htx.unsafe(`set transaction snapshot '${snapshot}'`).execute();
            imported.catch(() => {});
            result = await runAs(htx, auth, work);
            await imported;
          });
          return result as T;
        });
        return Promise.all([...own, ...helped]);
      }, { snapshot: true });
    } finally {
      spareInUse -= helpers;
    }
  };

  return Object.assign(withRls, { each });
}

const requestIdentity = new AsyncLocalStorage<AuthContext>();

/** Runs `work` (e.g. Zero's mutate handler) with `auth` as the identity of its transactions. */
export function actingAs<T>(auth: AuthContext, work: () => Promise<T>): Promise<T> {
  return requestIdentity.run(auth, work);
}

/**
 * Zero's database for custom mutators. Zero opens one transaction per mutation through this
 * connection, which routes it through the RLS helper as the user of the surrounding actingAs();
 * outside one it refuses, so a mutation can never run without an identity.
 */
export function zeroDatabase(withRls: WithRls): ZQLDatabase<typeof schema, RlsTransaction> {
  const connection: DBConnection<RlsTransaction> = {
    transaction<T>(work: (tx: DBTransaction<RlsTransaction>) => Promise<T>): Promise<T> {
      const auth = requestIdentity.getStore();
      if (!auth) return Promise.reject(new Error('A Zero transaction was opened without a request identity.'));
      return withRls(auth, (tx) => work(new PostgresJsTransactionInternal(tx)));
    },
  };
  return new ZQLDatabase(connection, schema);
}
