// Fresh, uniquely named databases on the integration cluster, dropped when the test file ends.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { withDatabase } from '../../config/env.ts';
import { connect, type Sql } from '../../database/client.ts';
import { runMigrations } from '../../database/migrations.ts';

export interface TestDatabase {
  name: string;
  url: string;
  sql: Sql;
  drop: () => Promise<void>;
}

export async function createTestDatabase(
  label: string,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const maintenanceUrl = inject('pgMaintenanceUrl');
  const name = `t_${label.replace(/\W+/g, '_').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const admin = connect(maintenanceUrl, { max: 1 });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(maintenanceUrl, name);
  const sql = connect(url);
  if (options.migrate ?? true) await runMigrations(url);
  return {
    name,
    url,
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      const a = connect(maintenanceUrl, { max: 1 });
      // zero-cache leaves a logical replication slot behind, which blocks dropping the database.
      await a`select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = ${name}`;
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
