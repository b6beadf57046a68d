// A Node Zero client acting as a signed-in user (its session token travels as Bearer auth through
// zero-cache to the API), and materialized queries a test can wait on.
import { Zero } from '@rocicorp/zero';
import type { AuthContext } from '../../shared/auth/roles.ts';
import type { ZeroContext } from '../../shared/zero/context.ts';
import { mutators } from '../../shared/zero/mutators.ts';
import { schema } from '../../shared/zero/schema.gen.ts';

/**
 * Tests that provoke refusals on purpose would have Zero log each one (with a stack) as an error;
 * a quiet client drops exactly those and prints anything else.
 */
const expectedNoise = /app error on server|non-OK status 40[13]|TransformFailed/;
const quietSink = {
  log(level: string, context: unknown, ...args: unknown[]) {
    const text = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    if (expectedNoise.test(text)) return;
    console.error(`[zero ${level}]`, context ?? '', ...args);
  },
};

export interface TestZeroOptions {
  /** The context the client runs its queries and mutators with (default: the user's own). */
  context?: AuthContext;
  quiet?: boolean;
}

export function createTestZero(cacheURL: string, user: { token?: string; me: AuthContext }, options: TestZeroOptions = {}) {
  return new Zero<typeof schema, undefined, ZeroContext>({
    cacheURL,
    schema,
    mutators,
    kvStore: 'mem',
    userID: user.me.userId,
    ...(user.token === undefined ? {} : { auth: user.token }),
    context: options.context ?? user.me,
    ...(options.quiet ? { logLevel: 'error' as const, logSink: quietSink } : {}),
  });
}

export type TestZero = ReturnType<typeof createTestZero>;

/** What a Zero view offers (method syntax keeps TypedView<T> assignable for any row type). */
interface ViewLike {
  addListener(listener: (data: unknown, resultType: string) => void): () => void;
  destroy(): void;
}

export interface Snapshot<Row> {
  rows: Row[];
  complete: boolean;
}

/** Every update of `view` (from zero.materialize) is kept; `until` waits for one that satisfies a check. */
export function watch<Row extends object = { id: number }>(view: ViewLike) {
  const snapshots: Snapshot<Row>[] = [];
  const waiters = new Set<() => void>();
  view.addListener((data, resultType) => {
    const rows = (Array.isArray(data) ? data : data === undefined ? [] : [data]) as Row[];
    snapshots.push({ rows: rows.map((r) => ({ ...r })), complete: resultType === 'complete' });
    for (const w of waiters) w();
  });
  return {
    last: (): Snapshot<Row> => snapshots.at(-1) ?? { rows: [], complete: false },
    until: (check: (s: Snapshot<Row>) => boolean, ms: number) =>
      new Promise<Snapshot<Row>>((resolve, reject) => {
        const test = () => {
          const last = snapshots.at(-1);
          if (last && check(last)) {
            clearTimeout(timer);
            waiters.delete(test);
            resolve(last);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(test);
          reject(new Error(`timed out after ${ms} ms; last: ${JSON.stringify(snapshots.at(-1))?.slice(0, 300)}`));
        }, ms);
        waiters.add(test);
        test();
      }),
    destroy: () => view.destroy(),
  };
}
