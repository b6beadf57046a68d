-- Roles and claim helpers that the row-level security policies (next migration) are written against.
--
-- Roles belong to the whole cluster, not to one database, so they are created only when missing
-- (several databases, e.g. test databases, may share a cluster). LOGIN and passwords are set at
-- start-up from configuration (database/roles.ts), never in a migration.
--   app_client, app_staff  NOLOGIN roles the API switches to per request (SET LOCAL ROLE).
--   app_runtime            the API's login role: NOINHERIT and no privileges of its own, so a query
--                          that forgets to switch role sees nothing.
--   app_auth               Better Auth's login role: the auth tables only.
-- Each step only acts when needed, and tolerates another database of the same cluster doing the
-- same at the same moment (concurrent role DDL fails with "tuple concurrently updated").
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['app_client', 'app_staff', 'app_runtime', 'app_auth'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOBYPASSRLS', r);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
  IF (SELECT rolinherit FROM pg_roles WHERE rolname = 'app_runtime') THEN
    BEGIN
      ALTER ROLE "app_runtime" NOINHERIT;
    EXCEPTION WHEN internal_error THEN
      NULL;
    END;
  END IF;
  FOREACH r IN ARRAY ARRAY['app_client', 'app_staff'] LOOP
    IF NOT EXISTS (
      SELECT 1 FROM pg_auth_members m
      WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = r)
        AND m.member = (SELECT oid FROM pg_roles WHERE rolname = 'app_runtime')
    ) THEN
      BEGIN
        EXECUTE format('GRANT %I TO "app_runtime"', r);
      EXCEPTION WHEN internal_error OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS "app";
--> statement-breakpoint
-- The request's identity, as set by the API's RLS helper with
-- set_config('request.jwt.claims', '{"sub":…,"role":…,"client_id":…,"team_member_id":…}', true)
-- (the Supabase/PostgREST convention). Empty outside a request: every helper then returns NULL.
CREATE OR REPLACE FUNCTION "app"."claims"() RETURNS jsonb
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "app"."current_client_id"() RETURNS integer
  LANGUAGE sql STABLE
  AS $$ SELECT ("app"."claims"() ->> 'client_id')::integer $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "app"."current_team_member_id"() RETURNS integer
  LANGUAGE sql STABLE
  AS $$ SELECT ("app"."claims"() ->> 'team_member_id')::integer $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "app"."is_staff"() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce("app"."claims"() ->> 'role' IN ('agent', 'manager', 'admin'), false) $$;
--> statement-breakpoint
REVOKE ALL ON SCHEMA "app" FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA "app" FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "app" TO "app_client", "app_staff", "app_auth";
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "app"."claims"(), "app"."current_client_id"(), "app"."current_team_member_id"(), "app"."is_staff"() TO "app_client", "app_staff";
