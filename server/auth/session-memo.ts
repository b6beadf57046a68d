// Answers already given for a cookie session, by the request's exact Cookie header, for a few
// seconds. Verifying Better Auth's signed cookie cache costs 3–6 ms of every API request (p50/p90
// of 200 /api/me calls on an idle machine), and a dashboard asks several times a second. The memo
// repeats only what Better Auth answered for the very same cookie; Better Auth's cookie cache is
// shorter by the memo's lifetime (better-auth.ts), so account changes still reach cookie requests
// within sessionStalenessSeconds.

/** How long a verified cookie is believed without asking Better Auth again. */
export const sessionMemoSeconds = 5;

export interface SessionMemo<T> {
  get(key: string, now?: number): T | undefined;
  set(key: string, value: T, now?: number): void;
}

/** Oldest entries go first beyond maxEntries (one per browser signed in during the last seconds). */
export function sessionMemo<T>(lifetimeMs: number, maxEntries = 10_000): SessionMemo<T> {
  const entries = new Map<string, { value: T; until: number }>();
  return {
    get(key, now = performance.now()) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until > now) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key, value, now = performance.now()) {
      entries.delete(key);
      for (const oldest of entries.keys()) {
        if (entries.size < maxEntries) break;
        entries.delete(oldest);
      }
      entries.set(key, { value, until: now + lifetimeMs });
    },
  };
}
