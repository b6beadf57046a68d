// Zero as an attacker would use it, for the isolation and parity tests.
//
// A Zero client re-runs every synced query locally with the context it was *given*, so an honest
// client's views re-apply the permission filters and would hide rows the server should never have
// sent. These clients claim a context of our choosing (e.g. "admin" for a client user's session):
// the local filters then pass everything, and a view shows exactly what zero-cache synced — which
// only the server-side identity (derived from the token) may decide.
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../shared/auth/roles.ts';
import type { SignedIn } from './api-stack.ts';
import { createTestZero, watch, type TestZero } from './zero-client.ts';

/** What the client half of a mutator must believe so that the request reaches the server half. */
export type Claim = 'staff' | 'client';

export function claimedContext(me: AuthContext, claim: Claim): AuthContext {
  if (claim === 'staff') return me.role === 'client' ? { ...me, role: 'admin', clientId: null } : me;
  // Any client id makes requireClient() pass locally; it never leaves the process.
  return me.role === 'client' ? me : { ...me, role: 'client', clientId: 1, teamMemberId: null };
}

export type LyingZero = TestZero;

export function createLyingZero(cacheURL: string, user: { token?: string; me: AuthContext }, claim: Claim): LyingZero {
  return createTestZero(cacheURL, user, { context: claimedContext(user.me, claim), quiet: true });
}

/** One Zero client per (user, claim), closed together. */
export function lyingZeros(cacheURL: string) {
  const zeros = new Map<string, LyingZero>();
  return {
    for(user: SignedIn, claim: Claim): LyingZero {
      const key = `${user.email}|${claim}`;
      let zero = zeros.get(key);
      if (!zero) {
        zero = createLyingZero(cacheURL, user, claim);
        zeros.set(key, zero);
      }
      return zero;
    },
    closeAll: async () => {
      await Promise.all([...zeros.values()].map((z) => z.close()));
      zeros.clear();
    },
  };
}

/** The part of a Zero view `watch` needs (see zero-client.ts). */
type View = Parameters<typeof watch>[0];

/** The rows of a materialized query once the server has confirmed it (resultType `complete`). */
export async function syncedRows(view: View, ms = 20_000): Promise<Record<string, unknown>[]> {
  const watched = watch<Record<string, unknown>>(view);
  try {
    return (await watched.until((s) => s.complete, ms)).rows;
  } finally {
    watched.destroy();
  }
}

/** Waits until the client's connection reaches `name` (e.g. needs-auth after a 401/403). */
export function connectionState(zero: LyingZero, name: string, ms: number) {
  type State = LyingZero['connection']['state']['current'];
  return new Promise<State>((resolve, reject) => {
    const check = (state: State) => {
      if (state.name !== name) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`connection stayed ${JSON.stringify(zero.connection.state.current)}, wanted ${name}`));
    }, ms);
    const unsubscribe = zero.connection.state.subscribe((s) => void check(s));
    check(zero.connection.state.current);
  });
}

export interface RawResponse {
  status: number;
  body: unknown;
}

async function post(url: string, body: string, authorization: string | undefined): Promise<RawResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Non-JSON bodies are returned as text.
  }
  return { status: res.status, body: parsed };
}

/** What zero-cache sends to the query endpoint (zero-protocol transformRequestMessageSchema). */
export function queryRequestBody(names: readonly string[], args: readonly unknown[] = []): string {
  return JSON.stringify(['transform', names.map((name, i) => ({ id: `q${i}`, name, args }))]);
}

export function postQuery(apiInternal: string, body: string, authorization?: string): Promise<RawResponse> {
  return post(`${apiInternal}/api/zero/query`, body, authorization);
}

/**
 * A push as zero-cache forwards it (zero-protocol pushBodySchema), from a brand-new client: one
 * custom mutation, or with `crud` a legacy CRUD mutation (which this app does not accept).
 */
export function pushRequestBody(name: string, args: unknown, kind: 'custom' | 'crud' = 'custom'): string {
  const clientID = randomUUID();
  const mutation =
    kind === 'custom'
      ? { type: 'custom', id: 1, clientID, name, args: [args], timestamp: Date.now() }
      : { type: 'crud', id: 1, clientID, name: '_zero_crud', args: [args], timestamp: Date.now() };
  return JSON.stringify({
    clientGroupID: randomUUID(),
    mutations: [mutation],
    pushVersion: 1,
    timestamp: Date.now(),
    requestID: randomUUID(),
  });
}

export function postMutate(apiInternal: string, body: string, authorization?: string): Promise<RawResponse> {
  return post(`${apiInternal}/api/zero/mutate?schema=zero_0&appID=zero`, body, authorization);
}
