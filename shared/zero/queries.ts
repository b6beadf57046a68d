// Synced queries: the only reads a Zero client can ask for. The server runs the same definitions to
// decide what zero-cache may sync, so permission rules added here apply on every path.
import { defineQueries, defineQuery } from '@rocicorp/zero';
import { zql } from './schema.gen.ts';

export const RECENT_TICKETS_LIMIT = 20;

export const queries = defineQueries({
  tickets: {
    recent: defineQuery(() =>
      zql.tickets
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(RECENT_TICKETS_LIMIT)
        .related('client')
        .related('ticketType')
        .related('assignee'),
    ),
  },
});
