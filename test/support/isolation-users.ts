// Real Better Auth sign-ins for tests that need many users. Sign-in is rate limited per source IP
// (5 a minute by default), so each sign-in comes from a loopback address of its own.
// stack.signIn means to do the same, but passes the address as `connect.localAddress`, which
// undici 7 ignores (every request then leaves from 127.0.0.1); undici takes it at the top level.
import { Agent, fetch as undiciFetch } from 'undici';
import type { AuthContext } from '../../shared/auth/roles.ts';
import { testPassword, type ApiStack, type SignedIn } from './api-stack.ts';

let next = 0;
/** 127.1.x.y: a range of its own, apart from the addresses stack.api uses. */
function freshAddress(): string {
  next += 1;
  return `127.1.${Math.floor(next / 250)}.${(next % 250) + 2}`;
}

export async function signInAs(stack: ApiStack, email: string, password = testPassword): Promise<SignedIn> {
  const dispatcher = new Agent({ localAddress: freshAddress() });
  try {
    const res = await undiciFetch(`${stack.config.urls.apiInternal}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.config.urls.host },
      body: JSON.stringify({ email, password }),
      dispatcher,
    });
    if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const token = res.headers.get('set-auth-token');
    if (!token) throw new Error('sign-in returned no set-auth-token header');
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const meRes = await stack.api('/api/me', { headers: { authorization: `Bearer ${token}` } });
    if (!meRes.ok) throw new Error(`/api/me as ${email} failed: ${meRes.status}`);
    const me = (await meRes.json()) as AuthContext;
    return { email, token, cookie, me: { userId: me.userId, role: me.role, clientId: me.clientId, teamMemberId: me.teamMemberId } };
  } finally {
    await dispatcher.close();
  }
}
