-- Tickets over time and client analysis read their rollups the way totals read month_cells: as a
-- cube (every level over assignee, type and priority; `dims` says which columns a row keeps, the
-- others are rolled up and NULL), so an unfiltered or lightly filtered question sums a few rows per
-- month instead of every cell. Their packed numbers are hundreds of digits long and summing them
-- was most of those endpoints' time (9,000 rows: 7–10 ms at 43k tickets).
-- The rebuild at the end recomputes both at every level.
ALTER TABLE "analytics"."series_cells" ADD COLUMN IF NOT EXISTS "dims" smallint NOT NULL DEFAULT 7;
--> statement-breakpoint
ALTER TABLE "analytics"."series_cells" ALTER COLUMN "dims" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "analytics"."series_cells" ALTER COLUMN "ticket_type_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "analytics"."series_cells" DROP CONSTRAINT IF EXISTS "series_cells_key";
--> statement-breakpoint
ALTER TABLE "analytics"."series_cells"
  ADD CONSTRAINT "series_cells_key" UNIQUE NULLS NOT DISTINCT ("dims", "month", "assigned_to", "ticket_type_id", "priority");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "series_cells_assignee" ON "analytics"."series_cells" ("dims", "assigned_to", "month");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "series_cells_type" ON "analytics"."series_cells" ("dims", "ticket_type_id", "month");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "series_cells_priority" ON "analytics"."series_cells" ("dims", "priority", "month");
--> statement-breakpoint
ALTER TABLE "analytics"."client_cells" ADD COLUMN IF NOT EXISTS "dims" smallint NOT NULL DEFAULT 7;
--> statement-breakpoint
ALTER TABLE "analytics"."client_cells" ALTER COLUMN "dims" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "analytics"."client_cells" ALTER COLUMN "ticket_type_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "analytics"."client_cells" DROP CONSTRAINT IF EXISTS "client_cells_key";
--> statement-breakpoint
ALTER TABLE "analytics"."client_cells"
  ADD CONSTRAINT "client_cells_key" UNIQUE NULLS NOT DISTINCT ("dims", "month", "block", "assigned_to", "ticket_type_id", "priority");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "client_cells_assignee" ON "analytics"."client_cells" ("dims", "assigned_to", "month");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "client_cells_type" ON "analytics"."client_cells" ("dims", "ticket_type_id", "month");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "client_cells_priority" ON "analytics"."client_cells" ("dims", "priority", "month");
--> statement-breakpoint
-- Same as drizzle/0006, except that series and client cells are written at every level.
CREATE OR REPLACE FUNCTION "analytics"."apply_cells"("ids" integer[], "sign" integer) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  tz text := analytics.report_timezone();
BEGIN
  INSERT INTO analytics.month_cells AS c
    (dims, month, assigned_to, ticket_type_id, priority, n, open_n, closed_n, res_n, unresolved_n, res_sum, rating_n,
     rating_sum, hist)
  -- Per bucket first, so the lane unit is computed once per cell and bucket, not per ticket; then
  -- every level at once. GROUPING() sets a bit per rolled-up column, dims one per kept column.
  SELECT 7 - grouping(priority, ticket_type_id, assigned_to), month,
         assigned_to, ticket_type_id, priority, sum(n)::integer * sign, sum(open_n)::integer * sign,
         sum(closed_n)::integer * sign, sum(res_n)::integer * sign, sum(unresolved_n)::integer * sign,
         sum(res_sum) * sign, sum(rating_n)::integer * sign, sum(rating_sum)::integer * sign,
         coalesce(sum(res_n * analytics.lane_unit(res_bucket)), 0) * sign
    FROM (SELECT date_trunc('month', f.created_at AT TIME ZONE tz)::date AS month, f.assigned_to, f.ticket_type_id,
                 f.priority, f.res_bucket, count(*) AS n, sum(f.is_open) AS open_n, sum(f.is_closed) AS closed_n,
                 count(f.res_s) AS res_n, count(*) FILTER (WHERE f.resolved_at IS NULL AND f.is_closed = 0) AS unresolved_n,
                 coalesce(sum(f.res_s), 0) AS res_sum, count(f.rating) AS rating_n, coalesce(sum(f.rating), 0) AS rating_sum
            FROM analytics.ticket_facts f
           WHERE ids IS NULL OR f.ticket_id = ANY (ids)
           GROUP BY 1, 2, 3, 4, 5) b
   GROUP BY month, CUBE (assigned_to, ticket_type_id, priority)
  ON CONFLICT ON CONSTRAINT month_cells_key DO UPDATE SET
    n = c.n + excluded.n, open_n = c.open_n + excluded.open_n, closed_n = c.closed_n + excluded.closed_n,
    res_n = c.res_n + excluded.res_n, unresolved_n = c.unresolved_n + excluded.unresolved_n,
    res_sum = c.res_sum + excluded.res_sum, rating_n = c.rating_n + excluded.rating_n,
    rating_sum = c.rating_sum + excluded.rating_sum, hist = c.hist + excluded.hist;

  INSERT INTO analytics.series_cells AS c
    (dims, month, assigned_to, ticket_type_id, priority, created_days, resolved_days)
  SELECT 7 - grouping(priority, ticket_type_id, assigned_to), month, assigned_to, ticket_type_id, priority,
         sum(created_days) * sign, sum(resolved_days) * sign
    FROM (SELECT date_trunc('month', day)::date AS month, assigned_to, ticket_type_id, priority,
                 sum(created_n * analytics.lane_unit(extract(day FROM day)::integer - 1)) AS created_days,
                 sum(resolved_n * analytics.lane_unit(extract(day FROM day)::integer - 1)) AS resolved_days
            FROM (SELECT day, assigned_to, ticket_type_id, priority, sum(created_n) AS created_n, sum(resolved_n) AS resolved_n
                    FROM (SELECT (f.created_at AT TIME ZONE tz)::date AS day, f.assigned_to, f.ticket_type_id, f.priority,
                                 1 AS created_n, 0 AS resolved_n
                            FROM analytics.ticket_facts f
                           WHERE (ids IS NULL OR f.ticket_id = ANY (ids)) AND f.created_at IS NOT NULL
                          UNION ALL
                          SELECT (f.resolved_at AT TIME ZONE tz)::date, f.assigned_to, f.ticket_type_id, f.priority, 0, 1
                            FROM analytics.ticket_facts f
                           WHERE (ids IS NULL OR f.ticket_id = ANY (ids)) AND f.resolved_at IS NOT NULL) d
                   GROUP BY 1, 2, 3, 4) per_day
           GROUP BY 1, 2, 3, 4) per_cell
   GROUP BY month, CUBE (assigned_to, ticket_type_id, priority)
  ON CONFLICT ON CONSTRAINT series_cells_key DO UPDATE SET
    created_days = c.created_days + excluded.created_days, resolved_days = c.resolved_days + excluded.resolved_days;

  INSERT INTO analytics.client_cells AS c (dims, block, month, assigned_to, ticket_type_id, priority, n, open_n)
  SELECT 7 - grouping(priority, ticket_type_id, assigned_to), block, month, assigned_to, ticket_type_id, priority,
         sum(n) * sign, sum(open_n) * sign
    FROM (SELECT client_id / analytics.lanes() AS block, month, assigned_to, ticket_type_id, priority,
                 sum(n * analytics.lane_unit(client_id % analytics.lanes())) AS n,
                 sum(open_n * analytics.lane_unit(client_id % analytics.lanes())) AS open_n
            FROM (SELECT f.client_id, date_trunc('month', f.created_at AT TIME ZONE tz)::date AS month, f.assigned_to,
                         f.ticket_type_id, f.priority, count(*) AS n, sum(f.is_open) AS open_n
                    FROM analytics.ticket_facts f
                   WHERE ids IS NULL OR f.ticket_id = ANY (ids)
                   GROUP BY 1, 2, 3, 4, 5) per_client
           GROUP BY 1, 2, 3, 4, 5) per_cell
   GROUP BY block, month, CUBE (assigned_to, ticket_type_id, priority)
  ON CONFLICT ON CONSTRAINT client_cells_key DO UPDATE SET n = c.n + excluded.n, open_n = c.open_n + excluded.open_n;
END $$;
--> statement-breakpoint
SELECT analytics.rebuild();
