// The API's connection pools. None can read helpdesk data by itself: `runtime` and `spare`
// (app_runtime) only through the RLS helper, `auth` (app_auth) only Better Auth's tables. Better
// Auth wraps `auth` in drizzle, which makes it return timestamps as strings: read dates through
// Better Auth, not raw SQL.
import { required, type Config } from '../config/env.ts';
import { connect, type Sql } from '../database/client.ts';
import { createRls, zeroDatabase, type WithRls } from './rls.ts';

export interface Database {
  runtime: Sql;
  auth: Sql;
  withRls: WithRls;
  zero: ReturnType<typeof zeroDatabase>;
  close: () => Promise<void>;
}

/** Connections a batch of reports may borrow beside its own, so its reports run side by side. */
const spareConnections = 4;

export function openDatabase(config: Config): Database {
  const runtimeUrl = required(config.postgres.runtimeUrl, 'APP_DB_PASSWORD (or APP_DATABASE_URL)');
  const runtime = connect(runtimeUrl, { max: 20 });
  // A pool of its own: a batch holds its own connection from `runtime` while it waits for these,
  // so drawing them from the same pool could leave every batch waiting on the others.
  const spare = connect(runtimeUrl, { max: spareConnections });
  const auth = connect(required(config.postgres.authUrl, 'AUTH_DB_PASSWORD (or AUTH_DATABASE_URL)'), { max: 5 });
  const withRls = createRls(runtime, { sql: spare, max: spareConnections });
  return {
    runtime,
    auth,
    withRls,
    zero: zeroDatabase(withRls),
    close: async () => {
      await Promise.all([runtime.end({ timeout: 5 }), spare.end({ timeout: 5 }), auth.end({ timeout: 5 })]);
    },
  };
}

declare module '@rocicorp/zero' {
  interface DefaultTypes {
    dbProvider: Database['zero'];
  }
}
