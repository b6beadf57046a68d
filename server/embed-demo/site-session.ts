// The portal demo site's own sign-in session: a first-party cookie on the site's origin, never ours.
// HttpOnly and SameSite=Lax; its value (the visitor's email and an expiry) is HMAC-signed with a key
// made at start-up, so nobody can forge one and a restart simply signs everyone out.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';

const cookieName = 'acme_session';
const sessionSeconds = 8 * 60 * 60;

export interface SiteSessions {
  start(c: Context, email: string): Promise<void>;
  /** The signed-in visitor's email, or null (no cookie, a forged or expired one). */
  visitor(c: Context): Promise<string | null>;
  end(c: Context): void;
}

export function siteSessions({ path, secure }: { path: string; secure: boolean }): SiteSessions {
  const key = randomBytes(32).toString('base64url');
  const options = { path, secure, httpOnly: true, sameSite: 'Lax' } as const;
  return {
    async start(c, email) {
      const expires = Math.floor(Date.now() / 1000) + sessionSeconds;
      await setSignedCookie(c, cookieName, `${expires}:${email}`, key, { ...options, maxAge: sessionSeconds });
    },
    async visitor(c) {
      const value = await getSignedCookie(c, key, cookieName);
      if (typeof value !== 'string') return null;
      // The cookie's Max-Age is the browser's promise; the signed expiry is ours.
      const separator = value.indexOf(':');
      const expires = Number(value.slice(0, separator));
      if (separator < 0 || !(expires * 1000 > Date.now())) return null;
      return value.slice(separator + 1);
    },
    end(c) {
      deleteCookie(c, cookieName, options);
    },
  };
}
