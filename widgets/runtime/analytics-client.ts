// Aggregates from /api/analytics through Hono's typed client. A widget asks for an endpoint with a
// body; the hook answers with the last good data while it fetches the next (filter changes redraw
// in place, no flash of skeleton), aborts requests that were overtaken, and refetches — debounced —
// when the viewer's change counter moves, so numbers follow writes within a second.
import { hc, type InferResponseType } from 'hono/client';
import { useEffect, useRef, useState } from 'react';
import type { AnalyticsEndpoint, AnalyticsRequest } from '../../shared/analytics/api.ts';
import type { ApiRoutes } from '../../server/app.ts';
import { useChangeVersion } from './live.ts';
import { apiHeaders, type Credentials } from './session.ts';
import { useReportStatus } from './status.ts';
import { useWidget } from './widget-context.tsx';

type AnalyticsApi = ReturnType<typeof hc<ApiRoutes>>['api']['analytics'];

function routesOf(api: AnalyticsApi) {
  return {
    overview: api.overview,
    ticketsOverTime: api['tickets-over-time'],
    ticketDistribution: api['ticket-distribution'],
    teamPerformance: api['team-performance'],
    clientAnalysis: api['client-analysis'],
    responseTime: api['response-time'],
    overdue: api.overdue,
  } satisfies Record<AnalyticsEndpoint, unknown>;
}

type Routes = ReturnType<typeof routesOf>;

/** Each endpoint's success body, as the server's route declares it. */
export type AnalyticsResponse<E extends AnalyticsEndpoint> = InferResponseType<Routes[E]['$post'], 200>;

/** Calls one endpoint; a refusal or failure becomes an Error with the server's message. */
export async function fetchAnalytics<E extends AnalyticsEndpoint>(
  credentials: Credentials,
  endpoint: E,
  body: AnalyticsRequest<E>,
  signal?: AbortSignal,
): Promise<AnalyticsResponse<E>> {
  const route = routesOf(hc<ApiRoutes>(credentials.apiUrl).api.analytics)[endpoint];
  // Every route takes { json } and the same options; TypeScript cannot call a union of them.
  const post = route.$post as (
    args: { json: AnalyticsRequest<E> },
    options: { headers: Record<string, string>; init: RequestInit },
  ) => Promise<Response>;
  const res = await post(
    { json: body },
    { headers: apiHeaders(credentials), init: { credentials: credentials.token ? 'omit' : 'include', signal } },
  );
  if (res.ok) return (await res.json()) as AnalyticsResponse<E>;
  const problem = (await res.json().catch(() => ({}))) as { message?: unknown };
  throw new Error(typeof problem.message === 'string' ? problem.message : `The server answered ${res.status}.`);
}

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
  const key = JSON.stringify(body);
  const version = useChangeVersion();
  const [refresh, setRefresh] = useState(0);
  const [state, setState] = useState<AnalyticsState<AnalyticsResponse<E>>>({
    data: undefined,
    error: undefined,
    loading: true,
    refreshing: false,
  });
  useReportStatus(state);

  // The first version seen is the one the first fetch already reflects; later ones are changes.
  const seenVersion = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (version === undefined) return;
    if (seenVersion.current === undefined || version === seenVersion.current) {
      seenVersion.current = version;
      return;
    }
    seenVersion.current = version;
    const timer = setTimeout(() => setRefresh((n) => n + 1), liveDebounceMs);
    return () => clearTimeout(timer);
  }, [version]);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: s.data === undefined, refreshing: s.data !== undefined }));
    fetchAnalytics(credentials, endpoint, JSON.parse(key) as AnalyticsRequest<E>, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false, refreshing: false });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof Error ? err.message : String(err);
        setState((s) => ({ ...s, error, loading: false, refreshing: false }));
      },
    );
    return () => controller.abort();
  }, [credentials, endpoint, key, refresh]);

  return state;
}
