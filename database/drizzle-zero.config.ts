// Which tables and columns the Zero schema (shared/zero/schema.gen.ts) exposes. It mirrors the
// publication in drizzle/0001_zero_publication.sql: team_members.email is never replicated.
import { drizzleZeroConfig } from 'drizzle-zero';
import * as schema from './schema/index.ts';

export default drizzleZeroConfig(schema, {
  tables: {
    clients: true,
    teamMembers: { id: true, username: true, department: true, status: true, createdAt: true, email: false },
    ticketTypes: true,
    tickets: true,
    ticketMessages: true,
    ticketFeedback: true,
    payments: true,
  },
});
