ALTER POLICY "clients_client_select" ON "clients" TO app_client USING ("clients"."id" = (SELECT app.current_client_id()));--> statement-breakpoint
ALTER POLICY "clients_staff_select" ON "clients" TO app_staff USING ((SELECT app.is_staff()));--> statement-breakpoint
ALTER POLICY "payments_client_select" ON "payments" TO app_client USING ("payments"."client_id" = (SELECT app.current_client_id()));--> statement-breakpoint
ALTER POLICY "payments_staff_select" ON "payments" TO app_staff USING ((SELECT app.is_staff()));--> statement-breakpoint
ALTER POLICY "team_members_client_select" ON "team_members" TO app_client USING ((SELECT app.current_client_id()) IS NOT NULL);--> statement-breakpoint
ALTER POLICY "team_members_staff_select" ON "team_members" TO app_staff USING ((SELECT app.is_staff()));--> statement-breakpoint
ALTER POLICY "ticket_feedback_client_insert" ON "ticket_feedback" TO app_client WITH CHECK ("ticket_feedback"."rating" BETWEEN 1 AND 5
    AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_feedback"."ticket_id" AND t.client_id = (SELECT app.current_client_id()) AND t.status IN ('resolved', 'closed')));--> statement-breakpoint
ALTER POLICY "ticket_feedback_client_select" ON "ticket_feedback" TO app_client USING (EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_feedback"."ticket_id" AND t.client_id = (SELECT app.current_client_id())));--> statement-breakpoint
ALTER POLICY "ticket_feedback_staff_select" ON "ticket_feedback" TO app_staff USING ((SELECT app.is_staff()));--> statement-breakpoint
ALTER POLICY "ticket_messages_client_insert" ON "ticket_messages" TO app_client WITH CHECK ("ticket_messages"."from_client" IS TRUE AND "ticket_messages"."from_team_member_id" IS NULL
    AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_messages"."ticket_id" AND t.client_id = (SELECT app.current_client_id())));--> statement-breakpoint
ALTER POLICY "ticket_messages_client_select" ON "ticket_messages" TO app_client USING (EXISTS (SELECT 1 FROM tickets t WHERE t.id = "ticket_messages"."ticket_id" AND t.client_id = (SELECT app.current_client_id())));--> statement-breakpoint
ALTER POLICY "ticket_messages_staff_insert" ON "ticket_messages" TO app_staff WITH CHECK ((SELECT app.is_staff()) AND "ticket_messages"."from_client" IS FALSE
    AND "ticket_messages"."from_team_member_id" = (SELECT app.current_team_member_id()));--> statement-breakpoint
ALTER POLICY "ticket_messages_staff_select" ON "ticket_messages" TO app_staff USING ((SELECT app.is_staff()));--> statement-breakpoint
ALTER POLICY "ticket_types_client_select" ON "ticket_types" TO app_client USING ((SELECT app.current_client_id()) IS NOT NULL);--> statement-breakpoint
ALTER POLICY "ticket_types_staff_select" ON "ticket_types" TO app_staff USING ((SELECT app.is_staff()));--> statement-breakpoint
ALTER POLICY "tickets_client_insert" ON "tickets" TO app_client WITH CHECK ("tickets"."client_id" = (SELECT app.current_client_id()) AND "tickets"."status" = 'open'
    AND "tickets"."priority" IN ('low', 'medium', 'high', 'urgent') AND "tickets"."assigned_to" IS NULL
    AND "tickets"."resolved_at" IS NULL AND "tickets"."closed_at" IS NULL);--> statement-breakpoint
ALTER POLICY "tickets_client_select" ON "tickets" TO app_client USING ("tickets"."client_id" = (SELECT app.current_client_id()));--> statement-breakpoint
ALTER POLICY "tickets_staff_select" ON "tickets" TO app_staff USING ((SELECT app.is_staff()));--> statement-breakpoint
ALTER POLICY "tickets_staff_update" ON "tickets" TO app_staff USING ((SELECT app.is_staff())) WITH CHECK ((SELECT app.is_staff()) AND ("tickets"."status" IS NULL OR "tickets"."status" IN ('open', 'in_progress', 'resolved', 'closed'))
    AND ("tickets"."priority" IS NULL OR "tickets"."priority" IN ('low', 'medium', 'high', 'urgent')));