// Change counters: how widgets learn that their aggregates are stale without syncing whole tables.
// Statement triggers (drizzle/0010_*.sql) bump row 0 on every write staff can see, and the row of
// each client a write touched (its id is the client's); widgets sync their one row through Zero and refetch when it moves.
// Clients get a row of their own so that no tenant ever sees another tenant's activity.
import { bigint, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';

export const changeCounters = pgTable('change_counters', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
