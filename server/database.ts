// The API's connection pool and the Zero database provider built on it.
import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import type { Config } from '../config/env.ts';
import { connect, type Sql } from '../database/client.ts';
import { schema } from '../shared/zero/schema.gen.ts';

export interface Database {
  sql: Sql;
  zero: ReturnType<typeof zeroPostgresJS<typeof schema>>;
  close: () => Promise<void>;
}

export function openDatabase(config: Config): Database {
  const sql = connect(config.postgres.adminUrl, { max: 20 });
  return {
    sql,
    zero: zeroPostgresJS(schema, sql),
    close: () => sql.end({ timeout: 5 }),
  };
}

declare module '@rocicorp/zero' {
  interface DefaultTypes {
    dbProvider: Database['zero'];
  }
}
