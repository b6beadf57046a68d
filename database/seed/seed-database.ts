// Loads the generated data set, replacing whatever the seven tables hold, in one transaction: a
// failed or interrupted seed leaves the previous rows (and indexes, and FKs) exactly as they were.
import type { Sql } from '../client.ts';
import { settleAnalytics } from '../analytics.ts';
import { helpdeskTables, type HelpdeskTable } from '../schema/helpdesk.ts';
import {
  dropForeignKeysAndIndexes,
  resetSequences,
  restoreForeignKeysAndIndexes,
} from './bulk-load-schema.ts';
import { copyTable, quoteIdent } from './copy-load.ts';
import { createDemoAccounts } from './demo-accounts.ts';
import { expectedRowCounts, tableSources } from './dataset.ts';
import { defaultSeed, defaultTicketCount } from './distribution.ts';
import { maxSeed } from './random.ts';

export type TableCounts = Record<HelpdeskTable, number>;

/** Ticket ids are int4 and messages reach ~3 per ticket; this keeps every id far below 2^31. */
export const maxTickets = 100_000_000;

export const defaultSeedOptions = { tickets: defaultTicketCount, seed: defaultSeed } as const;

export interface SeedProgress {
  stage: 'truncate' | 'copy' | 'rebuild' | 'analyze';
  /** The table being copied (stage 'copy'). */
  table: HelpdeskTable | null;
  /** What is being rebuilt (stage 'rebuild'), e.g. "index idx_tickets_status". */
  detail: string | null;
  rowsWritten: number;
  /** An estimate (message and feedback counts are random); only for scaling a progress bar. */
  rowsExpected: number;
}

export interface SeedOptions {
  tickets: number;
  seed: number;
  /** Password of the demo accounts created after the load (see demo-accounts.ts); none without. */
  demoPassword?: string;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedReport {
  tickets: number;
  seed: number;
  counts: TableCounts;
  demoAccounts: number;
  elapsedMs: number;
}

export class SeedSchemaError extends Error {
  readonly missingTables: string[];
  constructor(missingTables: string[]) {
    super(
      `The database has no ${missingTables.join(', ')} table${missingTables.length > 1 ? 's' : ''}: ` +
        'run npm start or npm run db:migrate first.',
    );
    this.missingTables = missingTables;
  }
}

/**
 * Replaces the rows of the seven helpdesk tables with the data set of (tickets, seed): TRUNCATE ...
 * RESTART IDENTITY CASCADE (which also empties any other table with a foreign key into them), drop
 * their FKs and secondary indexes, COPY ... FREEZE every table, recreate what was dropped, move the
 * sequences past the loaded ids, rebuild the analytics rollups, commit, ANALYZE (and VACUUM the
 * rollups). Dropping and rebuilding is what makes a million tickets fit the time budget: with FKs
 * and indexes maintained row by row the same load took ~4x as long (scripts/bench-seed.ts).
 */
export async function seedDatabase(sql: Sql, options: SeedOptions): Promise<SeedReport> {
  const { tickets, seed, onProgress } = options;
  if (!Number.isSafeInteger(tickets) || tickets < 0 || tickets > maxTickets) {
    throw new RangeError(`tickets must be an integer in 0..${maxTickets}, got ${tickets}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > maxSeed) {
    throw new RangeError(`seed must be an integer in 0..${maxSeed}, got ${seed}`);
  }
  const started = performance.now();
  await assertTablesExist(sql);
  const rowsExpected = Object.values(expectedRowCounts({ tickets, seed })).reduce((a, b) => a + b, 0);
  let rowsWritten = 0;
  const report = (stage: SeedProgress['stage'], table: HelpdeskTable | null, detail: string | null) =>
    onProgress?.({ stage, table, detail, rowsWritten, rowsExpected });

  const counts = await sql.begin(async (tx) => {
    // Index builds and FK validation sort millions of keys; the default 64MB spills to disk.
    await tx`set local maintenance_work_mem = '256MB'`;
    // The analytics rollups are rebuilt once below instead of by their triggers, statement by statement.
    await tx`select set_config('analytics.deferred', 'on', true)`;
    report('truncate', null, null);
    await tx.unsafe(
      `truncate table ${helpdeskTables.map(quoteIdent).join(', ')} restart identity cascade`,
    );
    const dropped = await dropForeignKeysAndIndexes(tx, helpdeskTables);

    const counts = zeroCounts();
    for (const source of tableSources({ tickets, seed })) {
      const before = rowsWritten;
      report('copy', source.table, null);
      counts[source.table] = await copyTable(tx, source, {
        freeze: true,
        onRows: (rows) => {
          rowsWritten = before + rows;
          report('copy', source.table, null);
        },
      });
    }
    await restoreForeignKeysAndIndexes(tx, dropped, (detail) => report('rebuild', null, detail));
    await resetSequences(tx, helpdeskTables);
    report('rebuild', null, 'analytics rollups');
    await tx`select analytics.rebuild()`;
    return counts;
  });

  report('analyze', null, null);
  await sql.unsafe(`analyze ${helpdeskTables.map(quoteIdent).join(', ')}`);
  await settleAnalytics(sql);
  // The cascade above removed the users tied to clients and team members; bring the demo ones back.
  const demoAccounts = options.demoPassword ? await createDemoAccounts(sql, options.demoPassword) : 0;
  return { tickets, seed, counts, demoAccounts, elapsedMs: Math.round(performance.now() - started) };
}

/**
 * For the stack runner: loads the default data set into a freshly migrated database, and leaves a
 * database alone as soon as one of the seven tables has a row. Returns whether it seeded.
 */
export async function seedIfEmpty(sql: Sql, log: (line: string) => void, demoPassword?: string): Promise<boolean> {
  const counts = await countRows(sql);
  const filled = helpdeskTables.filter((t) => counts[t] > 0);
  if (filled.length > 0) {
    log(`skipped, the database already has data (${describeCounts(counts)})`);
    return false;
  }
  log(`empty database, loading the default data set (${defaultTicketCount} tickets, seed ${defaultSeed})`);
  const result = await seedDatabase(sql, { ...defaultSeedOptions, demoPassword });
  log(`loaded ${describeCounts(result.counts)} in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  if (result.demoAccounts > 0) log(`created ${result.demoAccounts} demo accounts (password: DEMO_PASSWORD)`);
  return true;
}

/** Rows per table; throws SeedSchemaError when a table is missing (database not migrated). */
export async function countRows(sql: Sql): Promise<TableCounts> {
  await assertTablesExist(sql);
  const selects = helpdeskTables.map(
    (t) => `select '${t}' as table, count(*)::int as rows from ${quoteIdent(t)}`,
  );
  const rows = await sql.unsafe<{ table: HelpdeskTable; rows: number }[]>(selects.join(' union all '));
  const counts = zeroCounts();
  for (const row of rows) counts[row.table] = row.rows;
  return counts;
}

function zeroCounts(): TableCounts {
  return {
    clients: 0,
    team_members: 0,
    ticket_types: 0,
    tickets: 0,
    ticket_messages: 0,
    ticket_feedback: 0,
    payments: 0,
  };
}

export function describeCounts(counts: TableCounts): string {
  return helpdeskTables.map((t) => `${counts[t]} ${t}`).join(', ');
}

async function assertTablesExist(sql: Sql): Promise<void> {
  const names = [...helpdeskTables];
  const rows = await sql<{ table: string }[]>`
    select t as table from unnest(${names}::text[]) as t where to_regclass(t) is null`;
  if (rows.length > 0) throw new SeedSchemaError(rows.map((r) => r.table));
}
