-- Rollup upkeep touches only the written tickets. Its statements say "ids IS NULL OR id = ANY(ids)"
-- so that the same code also serves a full rebuild (ids NULL), and only a plan made for the actual
-- ids can use the primary keys: a generic plan scans everything. A LANGUAGE sql function always
-- plans generically, and a plpgsql one may switch to a generic plan after five calls; at a million
-- tickets that made a one-ticket insert cost 325 ms (two sequential scans). load_facts becomes
-- plpgsql, and every upkeep function plans for its arguments each time (force_custom_plan).
CREATE OR REPLACE FUNCTION "analytics"."load_facts"("ids" integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET plan_cache_mode = force_custom_plan
  AS $$
BEGIN
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
   ORDER BY t.created_at;
END $$;
--> statement-breakpoint
ALTER FUNCTION "analytics"."apply_cells"(integer[], integer) SET plan_cache_mode = force_custom_plan;
--> statement-breakpoint
ALTER FUNCTION "analytics"."apply_ratings"(integer[], integer) SET plan_cache_mode = force_custom_plan;
