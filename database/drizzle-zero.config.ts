// Which tables and columns the Zero schema (shared/zero/schema.gen.ts) exposes. It mirrors the
// publication (drizzle/0004_*.sql): only team members' public columns are ever replicated.
import { drizzleZeroConfig } from 'drizzle-zero';
import * as schema from './schema/index.ts';

export default drizzleZeroConfig(schema, {
  tables: {
    clients: true,
    teamMembers: { id: true, username: true, department: true, status: true, createdAt: false, email: false },
    ticketTypes: true,
    tickets: true,
    ticketMessages: true,
    ticketFeedback: true,
    payments: true,
    changeCounters: true,
  },
});
