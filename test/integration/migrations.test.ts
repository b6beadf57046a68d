import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationStatus } from '../../database/migrations.ts';
import { helpdeskTables } from '../../database/schema/helpdesk.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('migrations on an empty database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migrate_empty');
  });
  afterAll(async () => db.drop());

  it('creates the seven helpdesk tables, the change counters, the auth tables, and records every migration', async () => {
    const tables = await db.sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    const authTables = ['accounts', 'sessions', 'users', 'verifications'];
    expect(tables.map((t) => t.table_name)).toEqual([...helpdeskTables, ...authTables, 'change_counters'].sort());
    const status = await migrationStatus(db.sql);
    expect(status.pending).toBe(0);
    expect(status.applied).toBe(status.total);
  });

  it('publishes exactly the seven tables and the change counters to zero-cache, team members with public columns only', async () => {
    const rows = await db.sql<{ tablename: string; attnames: string[] }[]>`
      select tablename, attnames from pg_publication_tables where pubname = 'opskings_zero' order by 1`;
    expect(rows.map((r) => r.tablename)).toEqual([...helpdeskTables, 'change_counters'].sort());
    const teamMembers = rows.find((r) => r.tablename === 'team_members');
    expect(teamMembers?.attnames).toEqual(['id', 'username', 'department', 'status']);
  });
});
