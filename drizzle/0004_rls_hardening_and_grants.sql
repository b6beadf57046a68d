-- What drizzle-kit cannot express: FORCE row-level security, table and column privileges, the
-- ticket status trigger, the allowlist lookup used by sign-up, and the publication's column lists.

-- RLS applies to the table owner too; only superusers and BYPASSRLS roles (migrations, seed,
-- zero-cache's replication) skip it.
ALTER TABLE "clients" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "team_members" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ticket_types" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tickets" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ticket_messages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ticket_feedback" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint

-- Staff: read everything; change a ticket's status, priority and assignee; write messages.
GRANT SELECT ON "clients", "team_members", "ticket_types", "tickets", "ticket_messages", "ticket_feedback", "payments" TO "app_staff";
--> statement-breakpoint
GRANT UPDATE ("status", "priority", "assigned_to") ON "tickets" TO "app_staff";
--> statement-breakpoint
GRANT INSERT ("ticket_id", "from_client", "from_team_member_id", "message_text") ON "ticket_messages" TO "app_staff";
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "ticket_messages_id_seq" TO "app_staff";
--> statement-breakpoint

-- Clients: read (rows decided by the policies); team members' public columns only; insert exactly
-- the columns a client chooses. Everything else (status, assignee, timestamps, ids) takes its
-- default, so it cannot be forged even past the policies' checks.
GRANT SELECT ON "clients", "ticket_types", "tickets", "ticket_messages", "ticket_feedback", "payments" TO "app_client";
--> statement-breakpoint
GRANT SELECT ("id", "username", "department", "status") ON "team_members" TO "app_client";
--> statement-breakpoint
GRANT INSERT ("client_id", "ticket_type_id", "priority", "title") ON "tickets" TO "app_client";
--> statement-breakpoint
GRANT INSERT ("ticket_id", "from_client", "message_text") ON "ticket_messages" TO "app_client";
--> statement-breakpoint
GRANT INSERT ("ticket_id", "rating", "feedback_text") ON "ticket_feedback" TO "app_client";
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "tickets_id_seq", "ticket_messages_id_seq", "ticket_feedback_id_seq" TO "app_client";
--> statement-breakpoint

-- Resolving sets resolved_at, closing sets closed_at, reopening clears both: the timestamps follow
-- the status on every path, and nobody is granted UPDATE on them.
CREATE OR REPLACE FUNCTION "app"."ticket_status_timestamps"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NEW;
  END IF;
  IF NEW.status IN ('resolved', 'closed') THEN
    IF OLD.status NOT IN ('resolved', 'closed') OR OLD.resolved_at IS NULL THEN
      NEW.resolved_at := now();
    END IF;
    NEW.closed_at := CASE WHEN NEW.status = 'closed' THEN now() END;
  ELSE
    NEW.resolved_at := NULL;
    NEW.closed_at := NULL;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "tickets_status_timestamps" ON "tickets";
--> statement-breakpoint
CREATE TRIGGER "tickets_status_timestamps" BEFORE UPDATE OF "status" ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION "app"."ticket_status_timestamps"();
--> statement-breakpoint

-- Who may have an account, and as what: an email of a client (client role) or of an active team
-- member (support → agent, technical and finance → manager). SECURITY DEFINER so that Better Auth's
-- role needs no access to the helpdesk tables themselves. Used by sign-up and by the demo accounts.
CREATE OR REPLACE FUNCTION "app"."allowlisted_identity"("p_email" text)
  RETURNS TABLE ("role" text, "client_id" integer, "team_member_id" integer, "name" text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT * FROM (
      SELECT CASE tm.department WHEN 'support' THEN 'agent' ELSE 'manager' END,
             NULL::integer, tm.id, tm.username::text
      FROM team_members tm
      WHERE lower(tm.email) = lower(p_email) AND tm.status = 'active'
      UNION ALL
      SELECT 'client', c.id, NULL::integer, c.client_name::text
      FROM clients c
      WHERE lower(c.email) = lower(p_email)
    ) identities
    LIMIT 1
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "app"."allowlisted_identity"(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "app"."allowlisted_identity"(text) TO "app_auth";
--> statement-breakpoint

-- Better Auth: its own tables and nothing else.
GRANT SELECT, INSERT, UPDATE, DELETE ON "users", "sessions", "accounts", "verifications" TO "app_auth";
--> statement-breakpoint

-- zero-cache may only ever see team members' public columns (staff read the rest through SQL).
ALTER PUBLICATION "opskings_zero" SET TABLE
  "clients",
  "team_members" ("id", "username", "department", "status"),
  "ticket_types",
  "tickets",
  "ticket_messages",
  "ticket_feedback",
  "payments";
--> statement-breakpoint

-- The API's health check may learn which migration a database is at, and nothing else: its login
-- role has no table privileges.
CREATE OR REPLACE FUNCTION "app"."last_applied_migration"() RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog
  AS $$ SELECT max(created_at) FROM drizzle.__drizzle_migrations $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "app"."last_applied_migration"() FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "app" TO "app_runtime";
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "app"."last_applied_migration"() TO "app_runtime";
