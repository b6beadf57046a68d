// Applies drizzle/ with drizzle-orm's migrator (all pending files in one transaction) and reports
// which migrations a database has. drizzle-kit migrate works too, but hides the SQL error on failure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { connect, type Sql } from './client.ts';

export const migrationsFolder = path.resolve(import.meta.dirname, '..', 'drizzle');

export interface MigrationStatus {
  applied: number;
  total: number;
  pending: number;
  latest: string | null;
}

/**
 * Runs on a connection of its own: drizzle's postgres-js driver replaces the wrapped client's date
 * parsers (timestamps would come back as strings), which must not leak into the caller's pool.
 */
export async function runMigrations(url: string): Promise<MigrationStatus> {
  const sql = connect(url, { max: 1 });
  try {
    await migrate(drizzle(sql), { migrationsFolder });
    return await migrationStatus(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

interface JournalEntry {
  tag: string;
  when: number;
}

let journal: JournalEntry[] | undefined;

/** The journal the migrator reads (tags name the files, `when` orders them); read once. */
function migrationJournal(): JournalEntry[] {
  journal ??= (
    JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: JournalEntry[];
    }
  ).entries;
  return journal;
}

/** The journal timestamp of the newest applied migration (0 before the first). */
export type LastAppliedMigration = (sql: Sql) => Promise<number>;

/** As the migration role: reads the migrator's own table. */
export const lastAppliedByOwner: LastAppliedMigration = async (sql) => {
  const [table] = await sql<{ exists: boolean }[]>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  if (!table?.exists) return 0;
  const [row] = await sql<{ last: string | null }[]>`select max(created_at) as last from drizzle.__drizzle_migrations`;
  return Number(row?.last ?? 0);
};

/** As the API's login role, which has no table privileges (drizzle/0004_*.sql). */
export const lastAppliedByRuntime: LastAppliedMigration = async (sql) => {
  const [row] = await sql<{ last: string | null }[]>`select app.last_applied_migration() as last`;
  return Number(row?.last ?? 0);
};

/** drizzle's migrator applies every journal entry newer than the newest one recorded as applied. */
export async function migrationStatus(
  sql: Sql,
  lastApplied: LastAppliedMigration = lastAppliedByOwner,
): Promise<MigrationStatus> {
  const entries = migrationJournal();
  const last = await lastApplied(sql);
  const applied = entries.filter((e) => e.when <= last);
  return {
    applied: applied.length,
    total: entries.length,
    pending: entries.length - applied.length,
    latest: applied.at(-1)?.tag ?? null,
  };
}
