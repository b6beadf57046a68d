// A widget's overall state, from every data source it uses (analytics requests, Zero queries):
// mirrored on the element as `data-state` (loading / refreshing / ready / error) so pages, tests
// and the UX benchmark can tell when numbers are on screen, and announced as ops-ready (first
// data) and ops-error (each new failure).
import { createContext, useContext, useEffect, useId } from 'react';

export interface SourceStatus {
  loading: boolean;
  refreshing: boolean;
  error: string | undefined;
}

export type WidgetState = 'loading' | 'refreshing' | 'ready' | 'error';

export interface StatusRegistry {
  report(source: string, status: SourceStatus | undefined): void;
}

export const StatusContext = createContext<StatusRegistry | null>(null);

export function combinedState(statuses: Iterable<SourceStatus>): { state: WidgetState; error: string | undefined } {
  let state: WidgetState = 'ready';
  for (const s of statuses) {
    if (s.error && !s.loading && !s.refreshing) return { state: 'error', error: s.error };
    if (s.loading) state = 'loading';
    else if (s.refreshing && state !== 'loading') state = 'refreshing';
  }
  return { state, error: undefined };
}

export function useReportStatus({ loading, refreshing, error }: SourceStatus): void {
  const registry = useContext(StatusContext);
  const source = useId();
  useEffect(() => {
    registry?.report(source, { loading, refreshing, error });
  }, [registry, source, loading, refreshing, error]);
  useEffect(() => () => registry?.report(source, undefined), [registry, source]);
}
