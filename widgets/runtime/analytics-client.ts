// Aggregates for a widget's content: the hook answers with the last good data while it fetches the
// next (filter changes redraw in place, no flash of skeleton), takes answers asked ahead of its
// render, aborts requests that were overtaken, and refetches — debounced — when the viewer's change
// counter moves, so numbers follow writes within a second.
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AnalyticsEndpoint, AnalyticsRequest } from '../../shared/analytics/api.ts';
import { bodyKey, changeVersionOf, claimAhead, fetchAnalytics, type Ahead, type AnalyticsResponse } from './analytics-requests.ts';
import { useChangeVersion } from './live.ts';
import { useReportStatus } from './status.ts';
import { useWidget } from './widget-context.tsx';

export type { AnalyticsResponse } from './analytics-requests.ts';

export interface AnalyticsState<T> {
  data: T | undefined;
  error: string | undefined;
  /** No data yet: show the skeleton. */
  loading: boolean;
  /** Data shown is being replaced (new filters or a live change): keep it on screen. */
  refreshing: boolean;
}

/** Writes arrive in bursts (a status change touches tickets and messages): one refetch per burst. */
const liveDebounceMs = 250;

export function useAnalytics<E extends AnalyticsEndpoint>(endpoint: E, body: AnalyticsRequest<E>): AnalyticsState<AnalyticsResponse<E>> {
  const { credentials } = useWidget();
  const key = bodyKey(body);
  const version = useChangeVersion();
  const [refresh, setRefresh] = useState(0);
  const seenRefresh = useRef(refresh);
  // An answer asked ahead, claimed while rendering a body for the first time, so an answer already
  // in is drawn in that very render: the opening one, and a new body whose widget held its filters
  // until the answer came (useShownFilters). The effect for the same body takes it from here.
  const opening = useRef<{ key: string; entry: Ahead | undefined } | undefined>(undefined);
  const claimOpening = (): Ahead | undefined => {
    const entry = claimAhead(credentials, endpoint, key);
    opening.current = { key, entry };
    return entry;
  };
  // `key` is the body the state answers: a render with another body is loading or refreshing from
  // that render on, with no state update (and render) of its own in between.
  const [state, setState] = useState<AnalyticsState<AnalyticsResponse<E>> & { key: string | undefined }>(() => {
    const settled = claimOpening()?.settled;
    return settled
      ? { data: settled.value as AnalyticsResponse<E>, error: undefined, loading: false, refreshing: false, key }
      : { data: undefined, error: undefined, loading: true, refreshing: false, key: undefined };
  });
  if (state.key !== key && opening.current?.key !== key) {
    const settled = claimOpening()?.settled;
    if (settled) setState({ data: settled.value as AnalyticsResponse<E>, error: undefined, loading: false, refreshing: false, key });
  }
  // The answer for `key` is still on its way: what shows is the previous one's.
  const pending = state.key !== key;
  const shown = useMemo<AnalyticsState<AnalyticsResponse<E>>>(
    () => ({
      data: state.data,
      error: pending ? undefined : state.error,
      loading: state.data === undefined && (pending || state.loading),
      refreshing: state.data !== undefined && (pending || state.refreshing),
    }),
    [state, pending],
  );
  useReportStatus(shown);

  // The numbers are stale when the counter Zero syncs is past the version their answer reflects,
  // whenever Zero connected (it loads after the page has drawn: zero-area.tsx). Zero's replica
  // follows the database the API reads, so a fresh answer is never behind it. An answer on its way
  // brings its own version.
  const shownVersion = state.data === undefined ? undefined : changeVersionOf(state.data);
  useEffect(() => {
    if (version === undefined || shownVersion === undefined || pending || version <= shownVersion) return;
    const timer = setTimeout(() => setRefresh((n) => n + 1), liveDebounceMs);
    return () => clearTimeout(timer);
  }, [version, shownVersion, pending]);

  useEffect(() => {
    const first = opening.current?.key === key ? opening.current.entry : undefined;
    opening.current = undefined;
    if (first?.settled) return;
    // A live change asks afresh: an answer asked ahead may predate it.
    const live = refresh !== seenRefresh.current;
    seenRefresh.current = refresh;
    const claimed = first ?? (live ? undefined : claimAhead(credentials, endpoint, key));
    const controller = new AbortController();
    // A new body already shows as pending; a live change or new credentials (same body) do not.
    if (!claimed?.settled) setState((s) => (s.key !== key ? s : { ...s, loading: s.data === undefined, refreshing: s.data !== undefined }));
    const answer = claimed
      ? (claimed.answer as Promise<AnalyticsResponse<E>>)
      : fetchAnalytics(credentials, endpoint, JSON.parse(key) as AnalyticsRequest<E>, controller.signal);
    answer.then(
      (data) => {
        // Synchronously: recharts draws new data in effects of the render that brings it, and a
        // synchronous render runs them in this task, so the chart is drawn when the state says ready.
        if (!controller.signal.aborted) flushSync(() => setState({ data, error: undefined, loading: false, refreshing: false, key }));
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof Error ? err.message : String(err);
        setState((s) => ({ ...s, error, loading: false, refreshing: false, key }));
      },
    );
    return () => controller.abort();
  }, [credentials, endpoint, key, refresh]);

  return shown;
}
