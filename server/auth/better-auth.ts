// Better Auth for the hosted dashboard: email + password, cookie sessions, no public sign-up.
// Accounts exist only for allowlisted emails (see allowlist.ts); role, tenant and status are
// server-owned fields no request can set.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { bearer } from 'better-auth/plugins';
import { drizzle } from 'drizzle-orm/postgres-js';
import { required, type Config } from '../../config/env.ts';
import { accounts, sessions, users, verifications } from '../../database/schema/auth.ts';
import type { Database } from '../database.ts';
import { allowlistedIdentity } from './allowlist.ts';
import type { SendMail } from './mailer.ts';
import { sessionMemoSeconds } from './session-memo.ts';

/** At most this many seconds pass before a role, tenant or status change reaches cookie requests. */
export const sessionStalenessSeconds = 30;

/**
 * How long Better Auth may serve a session from its signed cookie before re-reading the user: the
 * rest of the bound after the API's memo of verified cookies (session-memo.ts).
 */
export const sessionCookieCacheSeconds = sessionStalenessSeconds - sessionMemoSeconds;

/** Where the host lets a user choose a password (the link in the mail leads there). */
export const setPasswordPath = '/set-password';

export function createAuth(config: Config, db: Database, sendMail: SendMail) {
  const serverOwned = { input: false } as const;
  return betterAuth({
    appName: 'OpsKings Support Analytics',
    baseURL: config.urls.api,
    basePath: '/api/auth',
    secret: required(config.secrets.betterAuth, 'BETTER_AUTH_SECRET'),
    trustedOrigins: [config.urls.host, ...config.allowedOrigins],
    telemetry: { enabled: false },
    // Scripts and tests (and Zero clients outside a browser) may send the signed session token as
    // `Authorization: Bearer`; unsigned tokens are refused.
    plugins: [bearer({ requireSignature: true })],
    database: drizzleAdapter(drizzle(db.auth), {
      provider: 'pg',
      schema: { users, sessions, accounts, verifications },
    }),
    user: {
      modelName: 'users',
      additionalFields: {
        role: { type: 'string', required: true, defaultValue: 'client', ...serverOwned },
        status: { type: 'string', required: true, defaultValue: 'active', ...serverOwned },
        clientId: { type: 'number', required: false, ...serverOwned },
        teamMemberId: { type: 'number', required: false, ...serverOwned },
      },
    },
    session: {
      modelName: 'sessions',
      cookieCache: { enabled: true, maxAge: sessionCookieCacheSeconds },
    },
    account: { modelName: 'accounts' },
    verification: { modelName: 'verifications' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      revokeSessionsOnPasswordReset: true,
      // A set-password link (first password or reset) lives one day and works once.
      resetPasswordTokenExpiresIn: 24 * 3600,
      sendResetPassword: async ({ user, url }) => {
        sendMail({
          to: user.email,
          subject: 'Set your OpsKings password',
          text: `Hello ${user.name},\n\nChoose your password here (the link works once, for 24 hours):\n${url}\n`,
        });
      },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 120,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInRateLimit },
        '/request-password-reset': { window: 60, max: 3 },
        '/reset-password': { window: 60, max: 5 },
      },
    },
    advanced: {
      // Set by the auth route from the socket address: forwarded headers are client-controlled.
      ipAddress: { ipAddressHeaders: ['x-client-ip'] },
      cookiePrefix: 'opskings',
      // Sibling subdomains (app., api., zero.example.com) share the session through the parent
      // domain; SameSite stays Lax (never None: zero-cache's WebSocket must not be cross-site).
      ...(config.cookieDomain ? { crossSubDomainCookies: { enabled: true, domain: config.cookieDomain } } : {}),
    },
    hooks: {
      // A password request for an allowlisted email without an account creates the account first,
      // so the same request (and the same response) serves "first password" and "forgot password".
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/request-password-reset') return;
        const email: unknown = ctx.body?.email;
        if (typeof email !== 'string') return;
        const existing = await ctx.context.internalAdapter.findUserByEmail(email);
        if (existing) return;
        const identity = await allowlistedIdentity(db.auth, email);
        if (!identity) return;
        await ctx.context.internalAdapter.createUser(
          {
            email: email.toLowerCase(),
            name: identity.name,
            emailVerified: false,
            role: identity.role,
            status: 'active',
            clientId: identity.clientId,
            teamMemberId: identity.teamMemberId,
          },
          { method: 'email' },
        );
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // Checked after the password: it reveals nothing to someone without it.
          before: async (session) => {
            const [user] = await db.auth<{ status: string }[]>`
              select status from users where id = ${session.userId}`;
            if (user?.status !== 'active') {
              throw new APIError('FORBIDDEN', { message: 'This account is disabled.', code: 'ACCOUNT_DISABLED' });
            }
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
