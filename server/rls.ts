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

export type WithRls = <T>(auth: AuthContext, work: (tx: RlsTransaction) => Promise<T>, options?: RlsOptions) => Promise<T>;

export function createRls(runtime: Sql): WithRls {
  return async (auth, work, options = {}) => {
    let result: Awaited<ReturnType<typeof work>> | undefined;
    await runtime.begin(options.snapshot ? 'isolation level repeatable read read only' : '', async (tx) => {
      // Both settings in one statement (set_config(…, true) is SET LOCAL with bound parameters),
      // sent without waiting for its answer: the connection runs statements in order, so the work's
      // first statement follows it directly, and if it failed the transaction is aborted and every
      // later statement fails too.
      const claims = tx`select set_config('role', ${requestRole(auth)}, true),
                               set_config('request.jwt.claims', ${requestClaims(auth)}, true)`.execute();
      // Handled at once (it is awaited below): a rejection must not surface as "unhandled" meanwhile.
      claims.catch(() => {});
      try {
        result = await work(tx);
      } finally {
        await claims;
      }
    });
    return result as Awaited<ReturnType<typeof work>>;
  };
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
