// The analytics rollups (drizzle/0006_*.sql) bucket tickets by calendar month and day in the
// report time zone; applying a different zone rebuilds them.
import type { Sql } from './client.ts';

const rollupTables = ['ticket_facts', 'month_cells', 'series_cells', 'client_cells'].map((t) => `analytics.${t}`);

/**
 * After a bulk rebuild: VACUUM marks the new pages all-visible, which is what lets the analytics
 * queries answer from their covering indexes alone (index-only scans); ANALYZE refreshes the
 * statistics. Not possible inside the rebuilding transaction, and cheap when nothing changed.
 */
export async function settleAnalytics(sql: Sql): Promise<void> {
  await sql.unsafe(`vacuum (analyze) ${rollupTables.join(', ')}`);
}

/**
 * Makes the rollups use `timeZone` and leaves them settled (a migration may just have rebuilt
 * them too); returns whether they had to be rebuilt for the zone.
 */
export async function useReportTimezone(sql: Sql, timeZone: string): Promise<boolean> {
  const [row] = await sql<{ rebuilt: boolean }[]>`select analytics.use_report_timezone(${timeZone}) as rebuilt`;
  await settleAnalytics(sql);
  return row?.rebuilt ?? false;
}
