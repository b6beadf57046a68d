CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "sessions_token_key" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"role" text DEFAULT 'client' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"client_id" integer,
	"team_member_id" integer,
	CONSTRAINT "users_email_key" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('client', 'agent', 'manager', 'admin')),
	CONSTRAINT "users_status_check" CHECK ("users"."status" IN ('active', 'disabled')),
	CONSTRAINT "users_tenant_check" CHECK (("users"."role" = 'client') = ("users"."client_id" IS NOT NULL)
        AND ("users"."role" NOT IN ('agent', 'manager') OR "users"."team_member_id" IS NOT NULL)
        AND ("users"."role" <> 'client' OR "users"."team_member_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "team_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ticket_feedback" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ticket_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ticket_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tickets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_member_id_team_members_id_fk" FOREIGN KEY ("team_member_id") REFERENCES "public"."team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_accounts_user_id" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_sessions_user_id" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_users_client_id" ON "users" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "idx_users_team_member_id" ON "users" USING btree ("team_member_id");--> statement-breakpoint
CREATE INDEX "idx_verifications_identifier" ON "verifications" USING btree ("identifier");--> statement-breakpoint
CREATE POLICY "clients_client_select" ON "clients" AS PERMISSIVE FOR SELECT TO "app_client" USING ("clients"."id" = app.current_client_id());--> statement-breakpoint
CREATE POLICY "clients_staff_select" ON "clients" AS PERMISSIVE FOR SELECT TO "app_staff" USING (app.is_staff());--> statement-breakpoint
CREATE POLICY "payments_client_select" ON "payments" AS PERMISSIVE FOR SELECT TO "app_client" USING ("payments"."client_id" = app.current_client_id());--> statement-breakpoint
CREATE POLICY "payments_staff_select" ON "payments" AS PERMISSIVE FOR SELECT TO "app_staff" USING (app.is_staff());--> statement-breakpoint
CREATE POLICY "team_members_client_select" ON "team_members" AS PERMISSIVE FOR SELECT TO "app_client" USING (app.current_client_id() IS NOT NULL);--> statement-breakpoint
CREATE POLICY "team_members_staff_select" ON "team_members" AS PERMISSIVE FOR SELECT TO "app_staff" USING (app.is_staff());--> statement-breakpoint
CREATE POLICY "ticket_feedback_client_insert" ON "ticket_feedback" AS PERMISSIVE FOR INSERT TO "app_client" WITH CHECK ("ticket_feedback"."rating" BETWEEN 1 AND 5
    AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_feedback"."ticket_id" AND t.client_id = app.current_client_id() AND t.status IN ('resolved', 'closed')));--> statement-breakpoint
CREATE POLICY "ticket_feedback_client_select" ON "ticket_feedback" AS PERMISSIVE FOR SELECT TO "app_client" USING (EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_feedback"."ticket_id" AND t.client_id = app.current_client_id()));--> statement-breakpoint
CREATE POLICY "ticket_feedback_staff_select" ON "ticket_feedback" AS PERMISSIVE FOR SELECT TO "app_staff" USING (app.is_staff());--> statement-breakpoint
CREATE POLICY "ticket_messages_client_insert" ON "ticket_messages" AS PERMISSIVE FOR INSERT TO "app_client" WITH CHECK ("ticket_messages"."from_client" IS TRUE AND "ticket_messages"."from_team_member_id" IS NULL
    AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_messages"."ticket_id" AND t.client_id = app.current_client_id()));--> statement-breakpoint
CREATE POLICY "ticket_messages_client_select" ON "ticket_messages" AS PERMISSIVE FOR SELECT TO "app_client" USING (EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_messages"."ticket_id" AND t.client_id = app.current_client_id()));--> statement-breakpoint
CREATE POLICY "ticket_messages_staff_insert" ON "ticket_messages" AS PERMISSIVE FOR INSERT TO "app_staff" WITH CHECK (app.is_staff() AND "ticket_messages"."from_client" IS FALSE
    AND "ticket_messages"."from_team_member_id" = app.current_team_member_id());--> statement-breakpoint
CREATE POLICY "ticket_messages_staff_select" ON "ticket_messages" AS PERMISSIVE FOR SELECT TO "app_staff" USING (app.is_staff());--> statement-breakpoint
CREATE POLICY "ticket_types_client_select" ON "ticket_types" AS PERMISSIVE FOR SELECT TO "app_client" USING (app.current_client_id() IS NOT NULL);--> statement-breakpoint
CREATE POLICY "ticket_types_staff_select" ON "ticket_types" AS PERMISSIVE FOR SELECT TO "app_staff" USING (app.is_staff());--> statement-breakpoint
CREATE POLICY "tickets_client_insert" ON "tickets" AS PERMISSIVE FOR INSERT TO "app_client" WITH CHECK ("tickets"."client_id" = app.current_client_id() AND "tickets"."status" = 'open'
    AND "tickets"."priority" IN ('low', 'medium', 'high', 'urgent') AND "tickets"."assigned_to" IS NULL
    AND "tickets"."resolved_at" IS NULL AND "tickets"."closed_at" IS NULL);--> statement-breakpoint
CREATE POLICY "tickets_client_select" ON "tickets" AS PERMISSIVE FOR SELECT TO "app_client" USING ("tickets"."client_id" = app.current_client_id());--> statement-breakpoint
CREATE POLICY "tickets_staff_select" ON "tickets" AS PERMISSIVE FOR SELECT TO "app_staff" USING (app.is_staff());--> statement-breakpoint
CREATE POLICY "tickets_staff_update" ON "tickets" AS PERMISSIVE FOR UPDATE TO "app_staff" USING (app.is_staff()) WITH CHECK (app.is_staff() AND "tickets"."status" IN ('open', 'in_progress', 'resolved', 'closed') AND "tickets"."priority" IN ('low', 'medium', 'high', 'urgent'));