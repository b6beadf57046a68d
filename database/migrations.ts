// Applies drizzle/ with drizzle-orm's migrator (all pending files in one transaction) and reports
// which migrations a database has. drizzle-kit migrate works too, but hides the SQL error on failure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Sql } from './client.ts';

export const migrationsFolder = path.resolve(import.meta.dirname, '..', 'drizzle');

export interface MigrationStatus {
  applied: number;
  total: number;
  pending: number;
  latest: string | null;
}

export async function runMigrations(sql: Sql): Promise<MigrationStatus> {
  await migrate(drizzle(sql), { migrationsFolder });
  return migrationStatus(sql);
}

export async function migrationStatus(sql: Sql): Promise<MigrationStatus> {
  const files = readMigrationFiles({ migrationsFolder });
  const [table] = await sql<{ exists: boolean }[]>`
    select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  const rows = table?.exists
    ? await sql<{ created_at: string }[]>`select created_at from drizzle.__drizzle_migrations`
    : [];
  const last = rows.reduce((max, r) => Math.max(max, Number(r.created_at)), 0);
  const pending = files.filter((f) => f.folderMillis > last).length;
  const tags = journalTags();
  const appliedCount = files.length - pending;
  return {
    applied: appliedCount,
    total: files.length,
    pending,
    latest: appliedCount > 0 ? (tags[appliedCount - 1] ?? null) : null,
  };
}

function journalTags(): string[] {
  // The journal the migrator reads; its tags name the files.
  const journalFile = path.join(migrationsFolder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}
