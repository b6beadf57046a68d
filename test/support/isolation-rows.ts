// Rows as Postgres has them, in the shapes the isolation and parity tests compare.
import type { Sql } from '../../database/client.ts';
import { helpdeskTables, type HelpdeskTable } from '../../database/schema/helpdesk.ts';
import { schema } from '../../shared/zero/schema.gen.ts';

/** A digest of every helpdesk table's full contents, to prove that a refused write changed nothing. */
export async function fingerprint(sql: Sql): Promise<Record<HelpdeskTable, string>> {
  const parts = helpdeskTables.map(
    (t) => `select '${t}' as t, md5(coalesce(string_agg(x::text, '|' order by x.id), '')) as h from "${t}" x`,
  );
  const rows = await sql.unsafe<{ t: HelpdeskTable; h: string }[]>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, r.h])) as Record<HelpdeskTable, string>;
}

export function idsOf(rows: readonly { id: number }[]): number[] {
  return rows.map((r) => r.id);
}

export type ZeroTable = keyof typeof schema.tables;

interface ColumnShape {
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
 * A select list that returns a table's Zero columns under Zero's names and in Zero's value types:
 * timestamps as epoch milliseconds and numerics as doubles (zero-cache replicates both as numbers).
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
        ? `(extract(epoch from ${ref}) * 1000)::float8`
        : type === 'numeric'
          ? `${ref}::float8`
          : ref;
      return `${value} as "${name}"`;
    })
    .join(', ');
}

export async function columnTypes(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql<{ table_name: string; column_name: string; data_type: string }[]>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' and table_name in ${sql(helpdeskTables)}`;
  return new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
}

/** A Zero row without its relationships, undefined read as null (Zero omits nothing, Postgres neither). */
export function columnsOnly(table: ZeroTable, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(zeroColumns(table).map((c) => [c, row[c] ?? null]));
}
