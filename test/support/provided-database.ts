// The take-home's own schema.sql and seed.sql, read from ../shared/opskings when that folder exists.
import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from '../../database/client.ts';

export const providedDir = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'opskings');
export const providedAvailable = fs.existsSync(path.join(providedDir, 'seed.sql'));

if (!providedAvailable) {
  console.warn(`[tests] ${providedDir} not found: tests on the provided database are skipped.`);
}

/** Runs schema.sql then seed.sql (non-deterministic RANDOM() data, ~42.9k tickets). */
export async function loadProvidedDatabase(sql: Sql): Promise<void> {
  for (const file of ['schema.sql', 'seed.sql']) {
    await sql.unsafe(fs.readFileSync(path.join(providedDir, file), 'utf8'));
  }
}
