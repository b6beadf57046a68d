// zero-cache keeps its replica (a SQLite copy of the published tables) between starts and follows
// schema changes through the replication stream. A replica kept from before migration 0011 (which
// adds tickets.uuid with a volatile default) never synced that column: zero-cache refused every
// client with SchemaVersionNotSupported and the widgets stayed on "Connecting…". So a replica is
// kept only under the migration it was copied with; after a new one zero-cache copies the tables
// afresh (seconds at 43k tickets, well under a minute at 1M).
import fs from 'node:fs';
import path from 'node:path';

export const replicaFile = (zeroDir: string) => path.join(zeroDir, 'replica.db');

/** Removes a replica copied under an older migration; says what it did, or undefined for nothing. */
export function replicaForMigration(zeroDir: string, latestMigration: string): string | undefined {
  const marker = path.join(zeroDir, 'replica.migration');
  const copiedUnder = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim() : undefined;
  const exists = fs.existsSync(replicaFile(zeroDir));
  fs.mkdirSync(zeroDir, { recursive: true });
  fs.writeFileSync(marker, `${latestMigration}\n`);
  if (!exists || copiedUnder === latestMigration) return undefined;
  // The database file and its WAL companions (replica.db-wal, -shm, -wal2).
  for (const name of fs.readdirSync(zeroDir)) if (name.startsWith('replica.db')) fs.rmSync(path.join(zeroDir, name), { force: true });
  return `replica copied under ${copiedUnder ?? 'an unrecorded migration'}, not ${latestMigration}: removed, zero-cache copies the tables afresh`;
}
