-- zero-cache replicates exactly what this publication lists: the seven helpdesk tables (pointed to by
-- ZERO_APP_PUBLICATIONS). Auth tables and secrets share the database but are never published.
-- team_members.email is left out by a column list: client users may read only team members' public
-- columns, and Zero cannot project columns per user, so the email never reaches zero-cache at all.
DO $$ BEGIN
  CREATE PUBLICATION "opskings_zero" FOR TABLE
    "clients",
    "team_members" ("id", "username", "department", "status", "created_at"),
    "ticket_types",
    "tickets",
    "ticket_messages",
    "ticket_feedback",
    "payments";
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
