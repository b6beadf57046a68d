// Catalog work around a bulk load: foreign keys and secondary indexes are dropped before COPY and
// recreated after it from the definitions Postgres itself reports (pg_get_constraintdef,
// pg_get_indexdef), so whatever the migrations declare (or a later migration adds) comes back
// exactly, without a second hand-written copy of the DDL. Building an index once over loaded rows is
// much cheaper than maintaining it row by row, and one FK validation join replaces millions of
// per-row trigger checks. Primary keys and unique constraints stay: FKs (possibly from other tables)
// depend on them, and their sorted-id inserts are cheap.
//
// Not carried over: COMMENT ON and per-column statistics targets of the dropped indexes (none exist
// in this schema).
import type { Sql } from '../client.ts';
import type { HelpdeskTable } from '../schema/helpdesk.ts';
import { quoteIdent } from './copy-load.ts';

export interface DroppedDefinitions {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Drops the FKs declared on `tables` and their indexes that no constraint relies on. */
export async function dropForeignKeysAndIndexes(
  sql: Sql,
  tables: readonly HelpdeskTable[],
): Promise<DroppedDefinitions> {
  const names = [...tables];
  const foreignKeys = await sql<{ table: string; name: string; definition: string }[]>`
    select k.conrelid::regclass::text as table, k.conname as name,
           pg_get_constraintdef(k.oid) as definition
    from pg_constraint k
    where k.contype = 'f'
      and k.conrelid = any(array(select to_regclass(t)::oid from unnest(${names}::text[]) as t))
    order by k.conrelid::regclass::text, k.conname`;
  // An index backing a primary key, unique or exclusion constraint, or one a foreign key points at,
  // appears as some constraint's conindid.
  const indexes = await sql<{ name: string; definition: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid = any(array(select to_regclass(t)::oid from unnest(${names}::text[]) as t))
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by i.indrelid::regclass::text, i.indexrelid::regclass::text`;

  for (const fk of foreignKeys) {
    await sql.unsafe(`alter table ${fk.table} drop constraint ${quoteIdent(fk.name)}`);
  }
  for (const index of indexes) {
    await sql.unsafe(`drop index ${index.name}`);
  }
  return { indexes: [...indexes], foreignKeys: [...foreignKeys] };
}

/** Recreates what dropForeignKeysAndIndexes removed; `onStatement` hears each one before it runs. */
export async function restoreForeignKeysAndIndexes(
  sql: Sql,
  dropped: DroppedDefinitions,
  onStatement?: (description: string) => void,
): Promise<void> {
  for (const index of dropped.indexes) {
    onStatement?.(`index ${index.name}`);
    await sql.unsafe(index.definition);
  }
  for (const fk of dropped.foreignKeys) {
    onStatement?.(`foreign key ${fk.name}`);
    await sql.unsafe(`alter table ${fk.table} add constraint ${quoteIdent(fk.name)} ${fk.definition}`);
  }
}

/** Moves every sequence owned by a column of `tables` past that column's largest value. */
export async function resetSequences(sql: Sql, tables: readonly HelpdeskTable[]): Promise<void> {
  const names = [...tables];
  const owned = await sql<{ table: string; column: string; sequence: string }[]>`
    select c.oid::regclass::text as table, a.attname as column,
           pg_get_serial_sequence(c.oid::regclass::text, a.attname) as sequence
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.oid = any(array(select to_regclass(t)::oid from unnest(${names}::text[]) as t))
      and pg_get_serial_sequence(c.oid::regclass::text, a.attname) is not null`;
  for (const { table, column, sequence } of owned) {
    // is_called = false: the next nextval() returns exactly max + 1 (or 1 on an empty table).
    await sql.unsafe(
      `select setval($1::regclass, coalesce((select max(${quoteIdent(column)}) from ${table}), 0) + 1, false)`,
      [sequence],
    );
  }
}

/** Tables outside `tables` that TRUNCATE ... CASCADE would empty too (they reference them by FK). */
export async function tablesEmptiedByCascade(
  sql: Sql,
  tables: readonly HelpdeskTable[],
): Promise<string[]> {
  const names = [...tables];
  const rows = await sql<{ table: string }[]>`
    with recursive reached(oid) as (
      select to_regclass(t)::oid from unnest(${names}::text[]) as t
      union
      select k.conrelid from pg_constraint k join reached r on k.confrelid = r.oid where k.contype = 'f'
    )
    select oid::regclass::text as table from reached
    where oid <> all(array(select to_regclass(t)::oid from unnest(${names}::text[]) as t))
    order by 1`;
  return rows.map((r) => r.table);
}
