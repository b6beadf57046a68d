// Rows as Postgres has them, in the shapes the isolation and parity tests compare.
import type { Sql } from '../../database/client.ts';
import { helpdeskTables, type HelpdeskTable } from '../../database/schema/helpdesk.ts';
import { schema } from '../../shared/zero/schema.gen.ts';

export function idsOf(rows: readonly { id: number }[]): number[] {
  return rows.map((r) => r.id);
}

export type ZeroTable = keyof typeof schema.tables;

interface ColumnShape {
  type: string;
  serverName?: string;
}

/** Zero's column names for a table, in schema order. */
export function zeroColumns(table: ZeroTable): string[] {
  return Object.keys(schema.tables[table].columns);
}

export function serverTable(table: ZeroTable): string {
  const t: { name: string; serverName?: string } = schema.tables[table];
  return t.serverName ?? t.name;
}

/**
 * Postgres keeps microseconds; Zero's epoch milliseconds for the same instant can be another double
 * (…171.9531 for …171.953). Both sides are compared at the microsecond, as the decimal's nearest double.
 */
const timestampDecimals = 3;

/**
 * A select list that returns a table's Zero columns under Zero's names and in Zero's value types:
 * timestamps as epoch milliseconds, numerics and bigints as doubles (zero-cache replicates them as numbers).
 * `types` maps "table.column" to Postgres' data_type (see columnTypes).
 */
export function zeroSelectList(table: ZeroTable, types: ReadonlyMap<string, string>, alias = 'x'): string {
  const server = serverTable(table);
  const columns: Record<string, ColumnShape> = schema.tables[table].columns;
  return Object.entries(columns)
    .map(([name, col]) => {
      const column = col.serverName ?? name;
      const type = types.get(`${server}.${column}`);
      if (!type) throw new Error(`no column ${server}.${column} in Postgres`);
      const ref = `${alias}."${column}"`;
      const value = type.startsWith('timestamp')
        ? `round(extract(epoch from ${ref}) * 1000, ${timestampDecimals})::float8`
        : type === 'numeric' || type === 'bigint'
          ? `${ref}::float8`
          : ref;
      return `${value} as "${name}"`;
    })
    .join(', ');
}

export async function columnTypes(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql<{ table_name: string; column_name: string; data_type: string }[]>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' and table_name in ${sql([...helpdeskTables, 'change_counters'])}`;
  return new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
}

function toMicroseconds(value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  const scale = 10 ** timestampDecimals;
  return Math.round(value * scale) / scale;
}

/** A Zero row without its relationships, undefined read as null (Zero omits nothing, Postgres neither). */
export function columnsOnly(table: ZeroTable, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(zeroColumns(table).map((c) => [c, toMicroseconds(row[c] ?? null)]));
}

/** Every helpdesk row as text, by table and id: what a write changed is the difference of two. */
export type Snapshot = Record<HelpdeskTable, Map<number, string>>;

export async function snapshot(sql: Sql): Promise<Snapshot> {
  const parts = helpdeskTables.map((t) => `select '${t}' as t, x.id, x::text as row from "${t}" x`);
  const rows = await sql.unsafe<{ t: HelpdeskTable; id: number; row: string }[]>(parts.join(' union all '));
  const snap = Object.fromEntries(helpdeskTables.map((t) => [t, new Map<number, string>()])) as Snapshot;
  for (const r of rows) snap[r.t].set(r.id, r.row);
  return snap;
}

export interface TableChanges {
  added: number[];
  changed: number[];
  removed: number[];
}

/** Tables that differ between two snapshots, with the ids added, changed and removed (sorted). */
export function changes(before: Snapshot, after: Snapshot): Partial<Record<HelpdeskTable, TableChanges>> {
  const out: Partial<Record<HelpdeskTable, TableChanges>> = {};
  for (const t of helpdeskTables) {
    const b = before[t];
    const a = after[t];
    const added = [...a.keys()].filter((id) => !b.has(id));
    const removed = [...b.keys()].filter((id) => !a.has(id));
    const changed = [...a.keys()].filter((id) => b.has(id) && b.get(id) !== a.get(id));
    if (added.length + removed.length + changed.length > 0) {
      const sort = (ids: number[]) => ids.sort((x, y) => x - y);
      out[t] = { added: sort(added), changed: sort(changed), removed: sort(removed) };
    }
  }
  return out;
}
