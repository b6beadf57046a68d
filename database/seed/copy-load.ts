// Streams one table source into Postgres with COPY ... FROM STDIN. Lines are batched into chunks of
// a few hundred KB (one socket write per chunk rather than per row), and the chunk generator is only
// pulled when the connection accepts more, so memory stays flat however many rows go through.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sql } from '../client.ts';
import type { TableSource } from './dataset.ts';

const chunkChars = 256 * 1024;

export interface CopyOptions {
  /**
   * COPY ... WITH (FREEZE): rows are written already frozen, so no later vacuum has to rewrite
   * every page. Postgres allows it only when the table was created or truncated earlier in the same
   * transaction.
   */
  freeze: boolean;
  /** Called after each chunk with the rows written so far into this table. */
  onRows?: (rows: number) => void;
}

export async function copyTable(sql: Sql, source: TableSource, options: CopyOptions): Promise<number> {
  const columns = source.columns.map(quoteIdent).join(', ');
  const freeze = options.freeze ? ' with (freeze)' : '';
  const statement = `copy ${quoteIdent(source.table)} (${columns}) from stdin${freeze}`;
  const writable = await sql.unsafe(statement).writable();
  let rows = 0;
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const line of source.lines()) {
      chunk += line;
      rows += 1;
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = '';
        options.onRows?.(rows);
      }
    }
    if (chunk.length > 0) yield chunk;
    options.onRows?.(rows);
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), writable);
  return rows;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
