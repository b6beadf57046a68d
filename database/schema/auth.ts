// Better Auth's tables (users, sessions, accounts, verifications) plus the server-owned identity
// fields. They are never published to zero-cache and only the app_auth role can touch them.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { userRoles, userStatuses } from '../../shared/auth/roles.ts';
import { clients, teamMembers } from './helpdesk.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique('users_email_key'),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    ...timestamps,
    role: text('role', { enum: userRoles }).notNull().default('client'),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    clientId: integer('client_id').references(() => clients.id),
    teamMemberId: integer('team_member_id').references(() => teamMembers.id),
  },
  (t) => [
    check('users_role_check', sql`${t.role} IN (${inList(userRoles)})`),
    check('users_status_check', sql`${t.status} IN (${inList(userStatuses)})`),
    // A client user belongs to exactly one client; staff never do; agents and managers are team
    // members (an admin may be one too, or not).
    check(
      'users_tenant_check',
      sql`(${t.role} = 'client') = (${t.clientId} IS NOT NULL)
        AND (${t.role} NOT IN ('agent', 'manager') OR ${t.teamMemberId} IS NOT NULL)
        AND (${t.role} <> 'client' OR ${t.teamMemberId} IS NULL)`,
    ),
    index('idx_users_client_id').on(t.clientId),
    index('idx_users_team_member_id').on(t.teamMemberId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique('sessions_token_key'),
    ...timestamps,
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('idx_sessions_user_id').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    ...timestamps,
  },
  (t) => [index('idx_accounts_user_id').on(t.userId)],
);

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index('idx_verifications_identifier').on(t.identifier)],
);
