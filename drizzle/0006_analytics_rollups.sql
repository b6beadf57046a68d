-- Analytics rollups: what makes every metric exact and fast at a million tickets.
--
--   analytics.ticket_facts  one narrow row per ticket: the filter columns, status, timestamps, the
--                           resolution time in seconds (exact, precomputed), its histogram bucket
--                           and the feedback rating. Raw rows for partial months and exact order
--                           statistics.
--   analytics.month_cells   per created month (in the report time zone) × assignee × type ×
--                           priority: additive counts and sums, and a histogram of resolution
--                           times (packed into one exact number). Whole months read these.
--   analytics.series_cells  per month × assignee × type × priority: tickets created and resolved
--                           on each day of that month (packed like the histograms). Tickets
--                           over time, at any granularity.
--   analytics.client_cells  per block of 64 clients × created month × assignee × type × priority:
--                           each client's tickets and open tickets (packed, a lane per client).
--                           Client analysis.
--
-- Statement-level triggers with transition tables keep all of it current inside the writing
-- transaction (set-based, so a bulk COPY costs one pass). Everything derives from the provided
-- tables, so analytics.rebuild() can recreate it at any time; this migration ends by calling it.
-- The trigger functions are SECURITY DEFINER: a client user's insert must update rollups that no
-- request role may touch.

CREATE SCHEMA IF NOT EXISTS "analytics";
--> statement-breakpoint
REVOKE ALL ON SCHEMA "analytics" FROM PUBLIC;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "analytics"."settings" (
  "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
  "report_timezone" text NOT NULL DEFAULT 'UTC'
);
--> statement-breakpoint
INSERT INTO "analytics"."settings" DEFAULT VALUES ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."report_timezone"() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT report_timezone FROM analytics.settings $$;
--> statement-breakpoint

-- Histogram buckets of resolution time, by lower bound in hours: hourly up to 48 h (every integer
-- expected-hours value of a ticket type is a bound), then coarser; the last bucket is open-ended
-- and the first also takes negative durations. The server reads the bounds from here.
CREATE OR REPLACE FUNCTION "analytics"."bucket_hours"() RETURNS float8[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ARRAY[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                     24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45,
                     46, 47, 48, 72, 96, 120, 144, 168, 336, 504, 720]::float8[] $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."res_bucket"("seconds" float8) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT width_bucket(seconds / 3600, (analytics.bucket_hours())[2:])::smallint $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."duration_s"("started" timestamptz, "ended" timestamptz) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT extract(epoch FROM ended - started)::float8 $$;
--> statement-breakpoint

CREATE TABLE IF NOT EXISTS "analytics"."ticket_facts" (
  "ticket_id" integer PRIMARY KEY,
  "client_id" integer NOT NULL,
  "assigned_to" integer,
  "ticket_type_id" integer NOT NULL,
  "priority" varchar(20),
  "status" varchar(50),
  "created_at" timestamptz,
  "resolved_at" timestamptz,
  "res_s" float8,
  "res_bucket" smallint,
  "rating" smallint,
  -- The brief's definitions, decided here once: open = open or in_progress, closed = resolved or closed.
  "is_open" smallint NOT NULL DEFAULT 0,
  "is_closed" smallint NOT NULL DEFAULT 0
);
--> statement-breakpoint
-- Partial months and the day of a single-day filter: an index-only range scan on created_at.
CREATE INDEX IF NOT EXISTS "facts_created" ON "analytics"."ticket_facts" ("created_at")
  INCLUDE ("assigned_to", "ticket_type_id", "priority", "is_open", "is_closed", "res_s", "res_bucket", "rating", "client_id", "resolved_at");
--> statement-breakpoint
-- Exact order statistics: a walk skips to the k-th resolution time inside one histogram bucket,
-- overall or within one group (assignee, type, priority), checking the filters on the index alone.
-- The per-type one also counts resolved tickets beyond their type's expected hours.
CREATE INDEX IF NOT EXISTS "facts_res" ON "analytics"."ticket_facts" ("res_s")
  INCLUDE ("assigned_to", "ticket_type_id", "priority", "created_at") WHERE "res_s" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "facts_assignee_res" ON "analytics"."ticket_facts" ("assigned_to", "res_s")
  INCLUDE ("ticket_type_id", "priority", "created_at") WHERE "res_s" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "facts_type_res" ON "analytics"."ticket_facts" ("ticket_type_id", "res_s")
  INCLUDE ("assigned_to", "priority", "created_at") WHERE "res_s" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "facts_priority_res" ON "analytics"."ticket_facts" ("priority", "res_s")
  INCLUDE ("assigned_to", "ticket_type_id", "created_at") WHERE "res_s" IS NOT NULL;
--> statement-breakpoint
-- Unresolved tickets of one type created after a moment (those too young to breach yet).
CREATE INDEX IF NOT EXISTS "facts_unresolved" ON "analytics"."ticket_facts" ("ticket_type_id", "created_at")
  INCLUDE ("assigned_to", "priority")
  WHERE "resolved_at" IS NULL AND "is_closed" = 0;
--> statement-breakpoint
-- A client's most recent ticket under the filters.
CREATE INDEX IF NOT EXISTS "facts_client_created" ON "analytics"."ticket_facts" ("client_id", "created_at" DESC)
  INCLUDE ("assigned_to", "ticket_type_id", "priority");
--> statement-breakpoint

-- Packed counts: a list of small counts (a histogram's buckets, a month's days) as one exact
-- integer with each count in a lane of 10 decimal digits: Σ count(i) · 10^(10·i). Summing packed
-- values adds lane by lane, so one numeric sum per row replaces one sum per bucket or day (about 3×
-- faster over thousands of cells); a lane holds counts up to 10^10 − 1, far beyond any month. The
-- server decodes the lanes from the text form.
CREATE OR REPLACE FUNCTION "analytics"."lane_digits"() RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT 10 $$;
--> statement-breakpoint
-- At most 64 lanes per packed number.
CREATE OR REPLACE FUNCTION "analytics"."lanes"() RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT 64 $$;
--> statement-breakpoint
-- The unit of every lane, computed once: as an immutable call without arguments it is
-- folded into a constant when a query is planned, so lane_unit() is an array lookup per row.
CREATE OR REPLACE FUNCTION "analytics"."lane_units"() RETURNS numeric[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  -- trunc: numeric ^ may carry decimal places, which would widen every sum
  AS $$ SELECT array_agg(trunc(10::numeric ^ (analytics.lane_digits() * i)) ORDER BY i) FROM generate_series(0, analytics.lanes() - 1) AS i $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."lane_unit"("lane" integer) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (analytics.lane_units())[lane + 1] $$;
--> statement-breakpoint
-- Month cells at every level of detail (a cube): `dims` says which of assignee (1), type (2) and
-- priority (4) a row keeps; the others are rolled up (and NULL). A question reads the coarsest
-- level that still has every column it groups or filters by, a few hundred rows instead of
-- thousands; see server/analytics/cells.ts for how filters become reads of these levels.
CREATE TABLE IF NOT EXISTS "analytics"."month_cells" (
  "dims" smallint NOT NULL,
  "month" date,
  "assigned_to" integer,
  "ticket_type_id" integer,
  "priority" varchar(20),
  "n" integer NOT NULL DEFAULT 0,
  "open_n" integer NOT NULL DEFAULT 0,
  "closed_n" integer NOT NULL DEFAULT 0,
  "res_n" integer NOT NULL DEFAULT 0,
  -- still being worked on: no resolved_at and not closed (what can breach its deadline now)
  "unresolved_n" integer NOT NULL DEFAULT 0,
  "res_sum" float8 NOT NULL DEFAULT 0,
  "rating_n" integer NOT NULL DEFAULT 0,
  "rating_sum" integer NOT NULL DEFAULT 0,
  -- resolved tickets per resolution-time bucket, packed
  "hist" numeric NOT NULL DEFAULT 0,
  CONSTRAINT "month_cells_key" UNIQUE NULLS NOT DISTINCT ("dims", "month", "assigned_to", "ticket_type_id", "priority")
);
--> statement-breakpoint
-- Reads of a level restricted to a few assignees, types or priorities.
CREATE INDEX IF NOT EXISTS "month_cells_assignee" ON "analytics"."month_cells" ("dims", "assigned_to", "month");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "month_cells_type" ON "analytics"."month_cells" ("dims", "ticket_type_id", "month");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "month_cells_priority" ON "analytics"."month_cells" ("dims", "priority", "month");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "analytics"."series_cells" (
  "month" date NOT NULL,
  "assigned_to" integer,
  "ticket_type_id" integer NOT NULL,
  "priority" varchar(20),
  -- per day of the month (lane 0 = the 1st), packed: created that day, resolved that day
  "created_days" numeric NOT NULL DEFAULT 0,
  "resolved_days" numeric NOT NULL DEFAULT 0,
  CONSTRAINT "series_cells_key" UNIQUE NULLS NOT DISTINCT ("month", "assigned_to", "ticket_type_id", "priority")
);
--> statement-breakpoint
-- Clients come in blocks of lanes() (client_id / 64), one lane each (client_id % 64): a cell holds
-- the counts of every client of its block, so the table does not grow with the number of clients
-- until there are more than 64 of them.
CREATE TABLE IF NOT EXISTS "analytics"."client_cells" (
  "block" integer NOT NULL,
  "month" date,
  "assigned_to" integer,
  "ticket_type_id" integer NOT NULL,
  "priority" varchar(20),
  -- per client of the block, packed: tickets, open tickets
  "n" numeric NOT NULL DEFAULT 0,
  "open_n" numeric NOT NULL DEFAULT 0,
  CONSTRAINT "client_cells_key" UNIQUE NULLS NOT DISTINCT ("block", "month", "assigned_to", "ticket_type_id", "priority")
);
--> statement-breakpoint
-- Adds (sign = 1) or removes (sign = -1) the contribution of the given tickets (NULL: all of them),
-- as they stand in ticket_facts, to every rollup.
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

  INSERT INTO analytics.series_cells AS c (month, assigned_to, ticket_type_id, priority, created_days, resolved_days)
  SELECT date_trunc('month', day)::date, assigned_to, ticket_type_id, priority,
         sum(created_n * analytics.lane_unit(extract(day FROM day)::integer - 1)) * sign,
         sum(resolved_n * analytics.lane_unit(extract(day FROM day)::integer - 1)) * sign
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
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT series_cells_key DO UPDATE SET
    created_days = c.created_days + excluded.created_days, resolved_days = c.resolved_days + excluded.resolved_days;

  INSERT INTO analytics.client_cells AS c (block, month, assigned_to, ticket_type_id, priority, n, open_n)
  SELECT client_id / analytics.lanes(), month, assigned_to, ticket_type_id, priority,
         sum(n * analytics.lane_unit(client_id % analytics.lanes())) * sign,
         sum(open_n * analytics.lane_unit(client_id % analytics.lanes())) * sign
    FROM (SELECT f.client_id, date_trunc('month', f.created_at AT TIME ZONE tz)::date AS month, f.assigned_to,
                 f.ticket_type_id, f.priority, count(*) AS n, sum(f.is_open) AS open_n
            FROM analytics.ticket_facts f
           WHERE ids IS NULL OR f.ticket_id = ANY (ids)
           GROUP BY 1, 2, 3, 4, 5) per_client
   GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT client_cells_key DO UPDATE SET n = c.n + excluded.n, open_n = c.open_n + excluded.open_n;
END $$;
--> statement-breakpoint
-- Feedback only moves ratings: a lighter path than apply_cells.
CREATE OR REPLACE FUNCTION "analytics"."apply_ratings"("ids" integer[], "sign" integer) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  tz text := analytics.report_timezone();
BEGIN
  INSERT INTO analytics.month_cells AS c (dims, month, assigned_to, ticket_type_id, priority, rating_n, rating_sum)
  SELECT 7 - grouping(f.priority, f.ticket_type_id, f.assigned_to), date_trunc('month', f.created_at AT TIME ZONE tz)::date,
         f.assigned_to, f.ticket_type_id, f.priority, count(f.rating)::integer * sign, coalesce(sum(f.rating), 0)::integer * sign
    FROM analytics.ticket_facts f
   WHERE f.ticket_id = ANY (ids) AND f.rating IS NOT NULL
   GROUP BY date_trunc('month', f.created_at AT TIME ZONE tz)::date, CUBE (f.assigned_to, f.ticket_type_id, f.priority)
  ON CONFLICT ON CONSTRAINT month_cells_key DO UPDATE SET
    rating_n = c.rating_n + excluded.rating_n, rating_sum = c.rating_sum + excluded.rating_sum;
END $$;
--> statement-breakpoint

-- Facts of the given tickets (NULL: all of them), read from the provided tables.
CREATE OR REPLACE FUNCTION "analytics"."load_facts"("ids" integer[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  INSERT INTO analytics.ticket_facts
    (ticket_id, client_id, assigned_to, ticket_type_id, priority, status, created_at, resolved_at, res_s, res_bucket, rating,
     is_open, is_closed)
  SELECT t.id, t.client_id, t.assigned_to, t.ticket_type_id, t.priority, t.status, t.created_at, t.resolved_at,
         analytics.duration_s(t.created_at, t.resolved_at),
         analytics.res_bucket(analytics.duration_s(t.created_at, t.resolved_at)),
         fb.rating,
         coalesce(t.status IN ('open', 'in_progress'), false)::integer,
         coalesce(t.status IN ('resolved', 'closed'), false)::integer
    FROM tickets t LEFT JOIN ticket_feedback fb ON fb.ticket_id = t.id
   WHERE ids IS NULL OR t.id = ANY (ids)
   -- A rebuild lays the rows out in creation order: date-range reads then touch few pages.
   ORDER BY t.created_at
$$;
--> statement-breakpoint
-- A bulk loader (the seed) may set analytics.deferred = 'on' for its transaction and call
-- analytics.rebuild() once at the end: one set-based pass instead of per-statement upkeep.
CREATE OR REPLACE FUNCTION "analytics"."deferred"() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('analytics.deferred', true), '') = 'on' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."tickets_inserted"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  ids integer[] := ARRAY(SELECT id FROM new_rows);
BEGIN
  IF analytics.deferred() THEN
    RETURN NULL;
  END IF;
  PERFORM analytics.load_facts(ids);
  PERFORM analytics.apply_cells(ids, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."tickets_updated"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  old_ids integer[] := ARRAY(SELECT id FROM old_rows);
  new_ids integer[] := ARRAY(SELECT id FROM new_rows);
BEGIN
  IF analytics.deferred() THEN
    RETURN NULL;
  END IF;
  PERFORM analytics.apply_cells(old_ids, -1);
  DELETE FROM analytics.ticket_facts WHERE ticket_id = ANY (old_ids);
  PERFORM analytics.load_facts(new_ids);
  PERFORM analytics.apply_cells(new_ids, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."tickets_deleted"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  ids integer[] := ARRAY(SELECT id FROM old_rows);
BEGIN
  IF analytics.deferred() THEN
    RETURN NULL;
  END IF;
  PERFORM analytics.apply_cells(ids, -1);
  DELETE FROM analytics.ticket_facts WHERE ticket_id = ANY (ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "analytics"."truncated"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF analytics.deferred() THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'tickets' THEN
    TRUNCATE analytics.ticket_facts, analytics.month_cells, analytics.series_cells, analytics.client_cells;
  ELSE
    UPDATE analytics.month_cells SET rating_n = 0, rating_sum = 0 WHERE rating_n <> 0 OR rating_sum <> 0;
    UPDATE analytics.ticket_facts SET rating = NULL WHERE rating IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Feedback: take the tickets' ratings out, refresh them from ticket_feedback, put them back.
CREATE OR REPLACE FUNCTION "analytics"."feedback_changed"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  ids integer[];
BEGIN
  IF analytics.deferred() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT ticket_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT ticket_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT ticket_id FROM old_rows UNION SELECT ticket_id FROM new_rows);
  END IF;
  PERFORM analytics.apply_ratings(ids, -1);
  UPDATE analytics.ticket_facts f SET rating = fb.rating
    FROM unnest(ids) AS u(ticket_id) LEFT JOIN ticket_feedback fb ON fb.ticket_id = u.ticket_id
   WHERE f.ticket_id = u.ticket_id;
  PERFORM analytics.apply_ratings(ids, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_insert" ON "tickets";
--> statement-breakpoint
CREATE TRIGGER "analytics_insert" AFTER INSERT ON "tickets"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics.tickets_inserted();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_update" ON "tickets";
--> statement-breakpoint
CREATE TRIGGER "analytics_update" AFTER UPDATE ON "tickets"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics.tickets_updated();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_delete" ON "tickets";
--> statement-breakpoint
CREATE TRIGGER "analytics_delete" AFTER DELETE ON "tickets"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics.tickets_deleted();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_truncate" ON "tickets";
--> statement-breakpoint
CREATE TRIGGER "analytics_truncate" AFTER TRUNCATE ON "tickets" FOR EACH STATEMENT EXECUTE FUNCTION analytics.truncated();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_insert" ON "ticket_feedback";
--> statement-breakpoint
CREATE TRIGGER "analytics_insert" AFTER INSERT ON "ticket_feedback"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics.feedback_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_update" ON "ticket_feedback";
--> statement-breakpoint
CREATE TRIGGER "analytics_update" AFTER UPDATE ON "ticket_feedback"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics.feedback_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_delete" ON "ticket_feedback";
--> statement-breakpoint
CREATE TRIGGER "analytics_delete" AFTER DELETE ON "ticket_feedback"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics.feedback_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "analytics_truncate" ON "ticket_feedback";
--> statement-breakpoint
CREATE TRIGGER "analytics_truncate" AFTER TRUNCATE ON "ticket_feedback" FOR EACH STATEMENT EXECUTE FUNCTION analytics.truncated();
--> statement-breakpoint

-- Recomputes everything from the provided tables (first install, time zone change, repair).
CREATE OR REPLACE FUNCTION "analytics"."rebuild"() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  defs text[];
  def text;
BEGIN
  -- Aggregating a million rows into hundreds of thousands of groups spills to disk at the default
  -- work_mem; this maintenance transaction may use more.
  PERFORM set_config('work_mem', '256MB', true);
  TRUNCATE analytics.ticket_facts, analytics.month_cells, analytics.series_cells, analytics.client_cells;
  -- Building the facts' indexes once over the loaded rows beats maintaining them row by row (about
  -- 2.5× at a million tickets); their definitions come from the catalog, not a second copy here.
  SELECT array_agg(pg_get_indexdef(i.indexrelid)) INTO defs
    FROM pg_index i WHERE i.indrelid = 'analytics.ticket_facts'::regclass AND NOT i.indisprimary;
  FOR def IN SELECT i.indexrelid::regclass::text
               FROM pg_index i WHERE i.indrelid = 'analytics.ticket_facts'::regclass AND NOT i.indisprimary LOOP
    EXECUTE 'DROP INDEX ' || def;
  END LOOP;
  PERFORM analytics.load_facts(NULL);
  FOREACH def IN ARRAY coalesce(defs, '{}') LOOP
    EXECUTE def;
  END LOOP;
  PERFORM analytics.apply_cells(NULL, 1);
  ANALYZE analytics.ticket_facts, analytics.month_cells, analytics.series_cells, analytics.client_cells;
END $$;
--> statement-breakpoint
-- Rollups bucket by calendar month and day in the report time zone; changing it rebuilds them.
CREATE OR REPLACE FUNCTION "analytics"."use_report_timezone"("tz" text) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  PERFORM now() AT TIME ZONE tz;  -- rejects an unknown zone before anything changes
  IF tz = analytics.report_timezone() THEN
    RETURN false;
  END IF;
  UPDATE analytics.settings SET report_timezone = tz;
  PERFORM analytics.rebuild();
  RETURN true;
END $$;
--> statement-breakpoint

-- Staff read the rollups through the RLS helper like any table; clients never.
ALTER TABLE "analytics"."ticket_facts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics"."ticket_facts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics"."month_cells" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics"."month_cells" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics"."series_cells" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics"."series_cells" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics"."client_cells" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics"."client_cells" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS "facts_staff_select" ON "analytics"."ticket_facts";
--> statement-breakpoint
CREATE POLICY "facts_staff_select" ON "analytics"."ticket_facts" FOR SELECT TO "app_staff" USING ((SELECT app.is_staff()));
--> statement-breakpoint
DROP POLICY IF EXISTS "month_cells_staff_select" ON "analytics"."month_cells";
--> statement-breakpoint
CREATE POLICY "month_cells_staff_select" ON "analytics"."month_cells" FOR SELECT TO "app_staff" USING ((SELECT app.is_staff()));
--> statement-breakpoint
DROP POLICY IF EXISTS "series_cells_staff_select" ON "analytics"."series_cells";
--> statement-breakpoint
CREATE POLICY "series_cells_staff_select" ON "analytics"."series_cells" FOR SELECT TO "app_staff" USING ((SELECT app.is_staff()));
--> statement-breakpoint
DROP POLICY IF EXISTS "client_cells_staff_select" ON "analytics"."client_cells";
--> statement-breakpoint
CREATE POLICY "client_cells_staff_select" ON "analytics"."client_cells" FOR SELECT TO "app_staff" USING ((SELECT app.is_staff()));
--> statement-breakpoint
GRANT USAGE ON SCHEMA "analytics" TO "app_staff";
--> statement-breakpoint
GRANT SELECT ON "analytics"."ticket_facts", "analytics"."month_cells", "analytics"."series_cells", "analytics"."client_cells", "analytics"."settings" TO "app_staff";
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "analytics"."bucket_hours"(), "analytics"."report_timezone"(), "analytics"."lane_digits"(),
  "analytics"."lane_units"(), "analytics"."lane_unit"(integer), "analytics"."lanes"() TO "app_staff";
--> statement-breakpoint
SELECT analytics.rebuild();
