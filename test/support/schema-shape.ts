// A plain description of the public schema from the catalog, for comparing two databases.
import type { Sql } from '../../database/client.ts';

export async function schemaShape(sql: Sql) {
  const columns = await sql`
    select table_name, column_name, data_type, character_maximum_length, numeric_precision,
           numeric_scale, column_default, is_nullable
    from information_schema.columns where table_schema = 'public'
    order by table_name, ordinal_position`;
  const constraints = await sql`
    select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
    from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`;
  const indexes = await sql`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`;
  return { columns: [...columns], constraints: [...constraints], indexes: [...indexes] };
}

/**
 * Row count and an md5 over every row (ordered by id) of each helpdesk table. tickets.uuid is left
 * out: our migrations add it (0011) with a random value per row, so it is not provided data.
 */
export async function tableFingerprints(sql: Sql, tables: readonly string[]) {
  const result: Record<string, { count: number; md5: string | null }> = {};
  for (const table of tables) {
    const [row] = await sql.unsafe<{ count: number; md5: string | null }[]>(
      `select count(*)::int as count, md5(string_agg((to_jsonb(t) - 'uuid')::text, '|' order by t.id)) as md5 from "${table}" t`,
    );
    result[table] = row!;
  }
  return result;
}

/** What our migrations add to the provided tables on purpose (drizzle/0011_*.sql). */
export function isOurAddition(item: { table_name?: unknown; tablename?: unknown; column_name?: unknown; conname?: unknown; indexname?: unknown }): boolean {
  const table = item.table_name ?? item.tablename;
  return table === 'tickets' && [item.column_name, item.conname, item.indexname].some((n) => n === 'uuid' || n === 'tickets_uuid_key');
}
