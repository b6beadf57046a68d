ALTER TABLE "tickets" ADD COLUMN "uuid" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_uuid_key" UNIQUE("uuid");--> statement-breakpoint
-- A client user names the ticket it creates (the portal's optimistic copy and the inserted row share
-- the uuid); staff never create tickets.
GRANT INSERT ("uuid") ON "tickets" TO "app_client";
