// A widget's overall state, from every data source it uses (analytics requests, Zero queries):
// mirrored on the element as `data-state` (loading / refreshing / ready / error) so pages, tests
// and the UX benchmark can tell when numbers are on screen, and announced as ops-ready (first
// data) and ops-error (each new failure).
import { createContext, useContext, useId, useLayoutEffect } from 'react';
import type { OpsErrorDetail } from './events.ts';

export interface SourceStatus {
  loading: boolean;
  refreshing: boolean;
  error: string | undefined;
  /** What failed, for ops-error; a data request unless said otherwise. */
  errorKind?: OpsErrorDetail['kind'];
}

export type WidgetState = 'loading' | 'refreshing' | 'ready' | 'error';

export interface StatusRegistry {
  report(source: string, status: SourceStatus | undefined): void;
}

export const StatusContext = createContext<StatusRegistry | null>(null);

export function combinedState(statuses: Iterable<SourceStatus>): { state: WidgetState; error: string | undefined; errorKind?: OpsErrorDetail['kind'] } {
  let state: WidgetState = 'ready';
  for (const s of statuses) {
    if (s.error && !s.loading && !s.refreshing) return { state: 'error', error: s.error, errorKind: s.errorKind };
    if (s.loading) state = 'loading';
    else if (s.refreshing && state !== 'loading') state = 'refreshing';
  }
  return { state, error: undefined };
}

/** A Zero query result's failure as a sentence, or undefined while it has not failed. */
export function queryFailure(result: { type: string; error?: { message?: string } | undefined }, fallback = 'unknown error'): string | undefined {
  return result.type === 'error' ? (result.error?.message ?? fallback) : undefined;
}

/**
 * Layout effects, not passive ones: the state then changes in the task of the commit that put the
 * data in the DOM (the registry writes it in a microtask after the commit). Passive effects wait
 * for a later task, behind whatever else the page renders (the other widgets' new data), so
 * data-state would say "refreshing" for data already on screen.
 */
export function useReportStatus({ loading, refreshing, error }: SourceStatus): void {
  const registry = useContext(StatusContext);
  const source = useId();
  useLayoutEffect(() => {
    registry?.report(source, { loading, refreshing, error });
  }, [registry, source, loading, refreshing, error]);
  useLayoutEffect(() => () => registry?.report(source, undefined), [registry, source]);
}
