// The one place a request becomes an AuthContext: from the Better Auth session cookie (hosted
// dashboard) or an embed token (`Authorization: Bearer`, embedded widgets). Role, tenant and status
// always come from the users table, never from the request or the token.
import { userRoles, type AuthContext, type UserRole } from '../../shared/auth/roles.ts';
import type { Database } from '../database.ts';
import type { Auth } from './better-auth.ts';
import { EmbedTokenError, type EmbedScope, type EmbedTokens } from './embed-tokens.ts';
import { sessionMemo, sessionMemoSeconds } from './session-memo.ts';

export type Identity =
  | {
      kind: 'user';
      auth: AuthContext;
      embed: EmbedScope | null;
      /**
       * Set-Cookie values Better Auth wrote while reading the session: a renewed cookie cache after
       * a database read, or a session whose expiry it extended. A browser-facing response passes
       * them on, so the next request is served from the cookie again.
       */
      renewedCookies: string[];
    }
  | { kind: 'refused'; status: 401 | 403; code: string; message: string };

export interface IdentifyOptions {
  /** Read the session from the database, not the signed cookie cache or the API's memo of it. */
  fresh?: boolean;
}

interface UserRow {
  id: string;
  role: string;
  status: string;
  clientId?: number | null | undefined;
  teamMemberId?: number | null | undefined;
}

const anonymous: Identity = {
  kind: 'refused',
  status: 401,
  code: 'unauthenticated',
  message: 'Sign in (or use a valid embed token) to continue.',
};

function isUserRole(value: string): value is UserRole {
  return (userRoles as readonly string[]).includes(value);
}

function fromUser(user: UserRow, embed: EmbedScope | null, renewedCookies: string[] = []): Identity {
  if (user.status !== 'active') {
    return { kind: 'refused', status: 403, code: 'account_disabled', message: 'This account is disabled.' };
  }
  if (!isUserRole(user.role)) {
    return { kind: 'refused', status: 403, code: 'no_role', message: 'This account has no valid role.' };
  }
  return {
    kind: 'user',
    auth: {
      userId: user.id,
      role: user.role,
      clientId: user.clientId ?? null,
      teamMemberId: user.teamMemberId ?? null,
    },
    embed,
    renewedCookies,
  };
}

/** An embed token is a JWT (three dot-separated parts); a session bearer token is not. */
export function embedToken(headers: Headers): string | null {
  const match = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

export type Identify = (request: Request, options?: IdentifyOptions) => Promise<Identity>;

export function createIdentify(auth: Auth, db: Database, tokens: EmbedTokens): Identify {
  const verified = sessionMemo<Identity>(sessionMemoSeconds * 1000);
  return async (request, options = {}) => {
    const token = embedToken(request.headers);
    if (token) {
      let scope: EmbedScope;
      try {
        scope = await tokens.verify(token);
      } catch (err) {
        const message = err instanceof EmbedTokenError ? err.message : 'The embed token is invalid.';
        return { kind: 'refused', status: 401, code: 'invalid_token', message };
      }
      const origin = request.headers.get('origin');
      if (!origin || !scope.origins.includes(origin)) {
        return {
          kind: 'refused',
          status: 403,
          code: 'origin_not_allowed',
          message: `This embed token may not be used from ${origin ?? 'a request without an Origin header'}.`,
        };
      }
      const [user] = await db.auth<UserRow[]>`
        select id, role, status, client_id as "clientId", team_member_id as "teamMemberId"
        from users where id = ${scope.userId}`;
      return user ? fromUser(user, scope) : anonymous;
    }

    // Cookie session, or a signed session token as Bearer (Better Auth's bearer plugin, which
    // reads the database every time and is never memoized).
    const cookie = request.headers.get('cookie');
    const memoKey = cookie && !options.fresh && !request.headers.has('authorization') ? cookie : undefined;
    const known = memoKey === undefined ? undefined : verified.get(memoKey);
    if (known) return known;
    const { response: session, headers } = await auth.api.getSession({
      headers: request.headers,
      query: { disableCookieCache: options.fresh ?? false },
      returnHeaders: true,
    });
    const identity = session ? fromUser(session.user, null, headers.getSetCookie()) : anonymous;
    // Only a session served from a cookie the browser keeps: a renewed one is replaced at once.
    if (memoKey !== undefined && identity.kind === 'user' && identity.renewedCookies.length === 0) verified.set(memoKey, identity);
    return identity;
  };
}
