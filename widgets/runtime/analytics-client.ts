// Aggregates from /api/analytics through Hono's typed client. A widget asks for an endpoint with a
// body, batched with its neighbours' requests of the same moment; the hook answers with the last
// good data while it fetches the next (filter changes redraw in place, no flash of skeleton), aborts
// requests that were overtaken, and refetches — debounced — when the viewer's change counter moves,
// so numbers follow writes within a second.
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

function requestInit(credentials: Credentials, signal: AbortSignal | undefined) {
  return { headers: apiHeaders(credentials), init: { credentials: credentials.token ? ('omit' as const) : ('include' as const), signal } };
}

async function refusal(res: Response): Promise<Error> {
  const problem = (await res.json().catch(() => ({}))) as { message?: unknown };
  return new Error(typeof problem.message === 'string' ? problem.message : `The server answered ${res.status}.`);
}

/** Calls one endpoint; a refusal or failure becomes an Error with the server's message. */
async function fetchOne<E extends AnalyticsEndpoint>(
  credentials: Credentials,
  endpoint: E,
  body: AnalyticsRequest<E>,
  signal?: AbortSignal,
): Promise<AnalyticsResponse<E>> {
  const route = routesOf(hc<ApiRoutes>(credentials.apiUrl).api.analytics)[endpoint];
  // Every route takes { json } and the same options; TypeScript cannot call a union of them.
  const post = route.$post as (args: { json: AnalyticsRequest<E> }, options: ReturnType<typeof requestInit>) => Promise<Response>;
  const res = await post({ json: body }, requestInit(credentials, signal));
  if (res.ok) return (await res.json()) as AnalyticsResponse<E>;
  throw await refusal(res);
}

interface Pending {
  endpoint: AnalyticsEndpoint;
  body: unknown;
  signal: AbortSignal | undefined;
  resolve: (data: unknown) => void;
  reject: (error: unknown) => void;
}

const aborted = () => new DOMException('The request was overtaken.', 'AbortError');

/**
 * Widgets of one page ask at the same moment (a filter change re-renders them all in one task): the
 * requests made before the next macrotask share one POST /api/analytics/batch, answered from one
 * snapshot. Cookie sessions batch across widgets; an embed token is checked against the widget that
 * sent it, so each widget with a token batches only with itself.
 */
const queues = new Map<string, { credentials: Credentials; items: Pending[] }>();

async function send(credentials: Credentials, all: Pending[]): Promise<void> {
  const items = all.filter((item) => {
    if (item.signal?.aborted) item.reject(aborted());
    return !item.signal?.aborted;
  });
  if (items.length === 0) return;
  if (items.length === 1) {
    const [only] = items as [Pending];
    await fetchOne(credentials, only.endpoint, only.body as AnalyticsRequest<AnalyticsEndpoint>, only.signal).then(only.resolve, only.reject);
    return;
  }
  // The batch is dropped only when every widget in it has moved on.
  const controller = new AbortController();
  let left = items.length;
  for (const item of items) item.signal?.addEventListener('abort', () => --left === 0 && controller.abort(), { once: true });
  try {
    const res = await hc<ApiRoutes>(credentials.apiUrl).api.analytics.batch.$post(
      { json: { requests: items.map(({ endpoint, body }) => ({ endpoint, body })) } },
      requestInit(credentials, controller.signal),
    );
    if (!res.ok) throw await refusal(res);
    const { results } = await res.json();
    items.forEach((item, i) => {
      const result = results[i];
      if (!result) item.reject(new Error('The server sent no answer for this request.'));
      else if (result.ok) item.resolve(result.data);
      else item.reject(new Error(result.message));
    });
  } catch (err) {
    for (const item of items) item.reject(err);
  }
}

/** Asks one endpoint, batched with the page's other requests of the same moment. */
export function fetchAnalytics<E extends AnalyticsEndpoint>(
  credentials: Credentials,
  endpoint: E,
  body: AnalyticsRequest<E>,
  signal?: AbortSignal,
): Promise<AnalyticsResponse<E>> {
  return new Promise((resolve, reject) => {
    const key = [credentials.apiUrl, credentials.token ?? '', credentials.token ? credentials.widget : ''].join(' ');
    let queue = queues.get(key);
    if (!queue) {
      const fresh = { credentials, items: [] as Pending[] };
      queues.set(key, fresh);
      setTimeout(() => {
        queues.delete(key);
        void send(fresh.credentials, fresh.items);
      }, 0);
      queue = fresh;
    }
    // The batch result for E is E's body: the server answers each item with its endpoint's handler.
    queue.items.push({ endpoint, body, signal, resolve: resolve as (data: unknown) => void, reject });
  });
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
