// The seven helpdesk tables, column for column as in the provided schema.sql, plus tickets.uuid
// (drizzle/0011_*.sql). Constraint and index names are Postgres' own defaults for that file, so the
// migrations recognise a database that was created from it (see drizzle/0000_*.sql).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).defaultNow();

export const clients = pgTable('clients', {
  id: serial('id').primaryKey(),
  clientName: varchar('client_name', { length: 255 }).notNull(),
  email: varchar('email', { length: 255 }).notNull().unique('clients_email_key'),
  status: varchar('status', { length: 50 }).default('active'),
  planType: varchar('plan_type', { length: 50 }),
  monthlyBudget: numeric('monthly_budget', { precision: 10, scale: 2 }),
  createdAt: createdAt(),
});

export const teamMembers = pgTable('team_members', {
  id: serial('id').primaryKey(),
  username: varchar('username', { length: 100 }).notNull(),
  email: varchar('email', { length: 255 }).notNull().unique('team_members_email_key'),
  department: varchar('department', { length: 50 }).notNull(),
  status: varchar('status', { length: 50 }).default('active'),
  createdAt: createdAt(),
});

export const ticketTypes = pgTable('ticket_types', {
  id: serial('id').primaryKey(),
  typeName: varchar('type_name', { length: 100 }).notNull(),
  department: varchar('department', { length: 50 }).notNull(),
  priority: varchar('priority', { length: 20 }),
  avgResolutionHours: integer('avg_resolution_hours'),
});

export const tickets = pgTable(
  'tickets',
  {
    id: serial('id').primaryKey(),
    clientId: integer('client_id').notNull(),
    assignedTo: integer('assigned_to'),
    ticketTypeId: integer('ticket_type_id').notNull(),
    status: varchar('status', { length: 50 }).default('open'),
    priority: varchar('priority', { length: 20 }),
    title: varchar('title', { length: 255 }).notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // Not in the provided schema. The one who creates a ticket names it before Postgres gives it an
    // id: the portal's optimistic copy carries the same uuid as the row the server inserts, so the
    // portal can follow its new ticket from the local copy to the synced row (README, "Writes").
    uuid: uuid('uuid').notNull().defaultRandom().unique('tickets_uuid_key'),
  },
  (t) => [
    foreignKey({ name: 'tickets_client_id_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
    foreignKey({
      name: 'tickets_assigned_to_fkey',
      columns: [t.assignedTo],
      foreignColumns: [teamMembers.id],
    }),
    foreignKey({
      name: 'tickets_ticket_type_id_fkey',
      columns: [t.ticketTypeId],
      foreignColumns: [ticketTypes.id],
    }),
    index('idx_tickets_client_id').on(t.clientId),
    index('idx_tickets_assigned_to').on(t.assignedTo),
    index('idx_tickets_status').on(t.status),
    index('idx_tickets_created_at').on(t.createdAt),
    index('idx_tickets_resolved_at').on(t.resolvedAt),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id').notNull(),
    fromClient: boolean('from_client').default(false),
    fromTeamMemberId: integer('from_team_member_id'),
    messageText: text('message_text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'ticket_messages_ticket_id_fkey',
      columns: [t.ticketId],
      foreignColumns: [tickets.id],
    }),
    foreignKey({
      name: 'ticket_messages_from_team_member_id_fkey',
      columns: [t.fromTeamMemberId],
      foreignColumns: [teamMembers.id],
    }),
    index('idx_ticket_messages_ticket_id').on(t.ticketId),
  ],
);

export const ticketFeedback = pgTable(
  'ticket_feedback',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id').notNull().unique('ticket_feedback_ticket_id_key'),
    rating: integer('rating'),
    feedbackText: text('feedback_text'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'ticket_feedback_ticket_id_fkey',
      columns: [t.ticketId],
      foreignColumns: [tickets.id],
    }),
    check('ticket_feedback_rating_check', sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: serial('id').primaryKey(),
    clientId: integer('client_id').notNull(),
    amountUsd: numeric('amount_usd', { precision: 10, scale: 2 }).notNull(),
    paymentType: varchar('payment_type', { length: 50 }).notNull(),
    status: varchar('status', { length: 50 }).default('pending'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'payments_client_id_fkey', columns: [t.clientId], foreignColumns: [clients.id] }),
    index('idx_payments_client_id').on(t.clientId),
    index('idx_payments_paid_at').on(t.paidAt),
  ],
);

/** The tables replicated to zero-cache, in dependency order (parents first). */
export const helpdeskTables = [
  'clients',
  'team_members',
  'ticket_types',
  'tickets',
  'ticket_messages',
  'ticket_feedback',
  'payments',
] as const;

export type HelpdeskTable = (typeof helpdeskTables)[number];
