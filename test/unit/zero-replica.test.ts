import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replicaFile, replicaForMigration } from '../../scripts/stack/replica.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function zeroDirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zero-replica-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('the zero-cache replica across migrations', () => {
  it('keeps a replica copied under the latest migration', () => {
    const dir = zeroDirWith({ 'replica.db': 'x', 'replica.db-wal': 'w', 'replica.migration': '0011_ticket_uuid\n' });
    expect(replicaForMigration(dir, '0011_ticket_uuid')).toBeUndefined();
    expect(fs.readdirSync(dir).sort()).toEqual(['replica.db', 'replica.db-wal', 'replica.migration']);
  });

  it('removes a replica, with its WAL files, copied under an older migration, and records the new one', () => {
    const dir = zeroDirWith({ 'replica.db': 'x', 'replica.db-wal': 'w', 'replica.db-shm': 's', 'replica.migration': '0010_live_change_counters\n' });
    expect(replicaForMigration(dir, '0011_ticket_uuid')).toBe(
      'replica copied under 0010_live_change_counters, not 0011_ticket_uuid: removed, zero-cache copies the tables afresh',
    );
    expect(fs.readdirSync(dir)).toEqual(['replica.migration']);
    expect(fs.readFileSync(path.join(dir, 'replica.migration'), 'utf8')).toBe('0011_ticket_uuid\n');
  });

  it('removes a replica nobody recorded, and says nothing when there is no replica yet', () => {
    const old = zeroDirWith({ 'replica.db': 'x' });
    expect(replicaForMigration(old, '0011_ticket_uuid')).toMatch(/^replica copied under an unrecorded migration/);
    expect(fs.existsSync(replicaFile(old))).toBe(false);
    const fresh = zeroDirWith({});
    expect(replicaForMigration(fresh, '0011_ticket_uuid')).toBeUndefined();
    expect(fs.readdirSync(fresh)).toEqual(['replica.migration']);
  });
});
