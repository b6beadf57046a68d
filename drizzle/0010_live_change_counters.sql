CREATE TABLE "change_counters" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "change_counters_client_select" ON "change_counters" AS PERMISSIVE FOR SELECT TO "app_client" USING ("change_counters"."id" = (SELECT app.current_client_id()));--> statement-breakpoint
CREATE POLICY "change_counters_staff_select" ON "change_counters" AS PERMISSIVE FOR SELECT TO "app_staff" USING ((SELECT app.is_staff()));--> statement-breakpoint
-- What drizzle-kit cannot express: FORCE RLS, privileges, the triggers and the publication.
-- Nobody writes the counters but the trigger function (SECURITY DEFINER); the request roles read
-- them under the policies above, zero-cache replicates them for live widgets.
ALTER TABLE "change_counters" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON "change_counters" TO "app_staff", "app_client";
--> statement-breakpoint
INSERT INTO "change_counters" ("id") VALUES (0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Bumps the staff row and the row of every client whose data the statement touched. TG_ARGV[0]
-- says how a row names its client: directly (client_id) or through its ticket (ticket_id). Rows
-- are bumped in id order so concurrent writers queue on the staff row instead of deadlocking.
CREATE OR REPLACE FUNCTION "app"."bump_change_counters"() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  touched integer[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    SELECT array_agg(id) INTO touched FROM clients;
  ELSIF TG_ARGV[0] = 'client_id' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT client_id) INTO touched FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
      SELECT array_agg(DISTINCT c) INTO touched
        FROM (SELECT client_id FROM new_rows UNION SELECT client_id FROM old_rows) s(c);
    ELSE
      SELECT array_agg(DISTINCT client_id) INTO touched FROM old_rows;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT t.client_id) INTO touched FROM new_rows r JOIN tickets t ON t.id = r.ticket_id;
    ELSIF TG_OP = 'UPDATE' THEN
      SELECT array_agg(DISTINCT t.client_id) INTO touched
        FROM (SELECT ticket_id FROM new_rows UNION SELECT ticket_id FROM old_rows) r JOIN tickets t ON t.id = r.ticket_id;
    ELSE
      SELECT array_agg(DISTINCT t.client_id) INTO touched FROM old_rows r JOIN tickets t ON t.id = r.ticket_id;
    END IF;
  END IF;
  INSERT INTO change_counters AS c (id, version, changed_at)
  SELECT id, 1, now()
    FROM (SELECT 0 AS id UNION SELECT unnest(touched)) ids
   WHERE id IS NOT NULL
   ORDER BY id
  ON CONFLICT (id) DO UPDATE SET version = c.version + 1, changed_at = excluded.changed_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "app"."bump_change_counters"() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER "live_insert" AFTER INSERT ON "tickets" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_update" AFTER UPDATE ON "tickets" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_delete" AFTER DELETE ON "tickets" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_truncate" AFTER TRUNCATE ON "tickets"
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_insert" AFTER INSERT ON "payments" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_update" AFTER UPDATE ON "payments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_delete" AFTER DELETE ON "payments" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_truncate" AFTER TRUNCATE ON "payments"
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('client_id');
--> statement-breakpoint
CREATE TRIGGER "live_insert" AFTER INSERT ON "ticket_messages" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
CREATE TRIGGER "live_update" AFTER UPDATE ON "ticket_messages" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
CREATE TRIGGER "live_delete" AFTER DELETE ON "ticket_messages" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
CREATE TRIGGER "live_truncate" AFTER TRUNCATE ON "ticket_messages"
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
CREATE TRIGGER "live_insert" AFTER INSERT ON "ticket_feedback" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
CREATE TRIGGER "live_update" AFTER UPDATE ON "ticket_feedback" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
CREATE TRIGGER "live_delete" AFTER DELETE ON "ticket_feedback" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
CREATE TRIGGER "live_truncate" AFTER TRUNCATE ON "ticket_feedback"
  FOR EACH STATEMENT EXECUTE FUNCTION app.bump_change_counters('ticket_id');
--> statement-breakpoint
ALTER PUBLICATION "opskings_zero" ADD TABLE "change_counters";
