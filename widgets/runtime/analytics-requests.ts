// Requests to /api/analytics through Hono's typed client: batched with the page's other requests
// of the same moment, and asked ahead of a widget's render. No React here: the early entry
// (widgets/early.ts) sends a page's first requests with this while React and the charts still load.
import { hc, type InferResponseType } from 'hono/client';
import { changeVersionHeader, type AnalyticsEndpoint, type AnalyticsRequest } from '../../shared/analytics/api.ts';
import type { ApiRoutes } from '../../server/app.ts';
import { apiHeaders, type Credentials } from './session.ts';
import { settling, type Settling } from './settling.ts';

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

// The change version each answer reflects (changeVersionHeader), by the answer's object: answers
// travel through batches, ahead entries and React state unchanged, and keep it without a wrapper.
const versions = new WeakMap<object, number>();
const isObject = (answer: unknown): answer is object => typeof answer === 'object' && answer !== null;

/** The staff change counter's version as the answer's snapshot saw it, if the server said. */
export function changeVersionOf(answer: unknown): number | undefined {
  return isObject(answer) ? versions.get(answer) : undefined;
}

function noteVersion(res: Response, answers: readonly unknown[]): void {
  const version = Number(res.headers.get(changeVersionHeader) ?? Number.NaN);
  if (!Number.isSafeInteger(version)) return;
  for (const answer of answers) if (isObject(answer)) versions.set(answer, version);
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
  if (!res.ok) throw await refusal(res);
  const answer = (await res.json()) as AnalyticsResponse<E>;
  noteVersion(res, [answer]);
  return answer;
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
const queues = new Map<string, { credentials: Credentials; items: Pending[]; timer: ReturnType<typeof setTimeout> }>();

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
    noteVersion(res, results.map((result) => (result.ok ? result.data : undefined)));
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
      const items: Pending[] = [];
      const timer = setTimeout(() => {
        queues.delete(key);
        void send(credentials, items);
      }, 0);
      queue = { credentials, items, timer };
      queues.set(key, queue);
    }
    // The batch result for E is E's body: the server answers each item with its endpoint's handler.
    queue.items.push({ endpoint, body, signal, resolve: resolve as (data: unknown) => void, reject });
  });
}

/** Sends every batch being gathered now, for a caller that knows no more requests are coming. */
export function flushBatches(): void {
  for (const [key, { credentials, items, timer }] of queues) {
    clearTimeout(timer);
    queues.delete(key);
    void send(credentials, items);
  }
}

/** One request a widget makes, as the batch carries it. */
export type AnalyticsAsk = { [E in AnalyticsEndpoint]: { endpoint: E; body: AnalyticsRequest<E> } }[AnalyticsEndpoint];

/** Equal bodies give equal keys whatever order their keys were written in. */
export function bodyKey(body: unknown): string {
  return JSON.stringify(body, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

// Requests asked ahead of the widget's own render (ask-ahead.ts): when its element connects,
// beside /api/me, and in the same task as a filter change, before React renders anything. The
// answer is then usually in (or on its way) when the widget's content asks, and it takes it
// instead of asking again. Each is claimed once, by the same credentials, endpoint and body; one
// not claimed soon lapses.
export type Ahead = Settling<unknown>;
const ahead = new Map<string, Ahead>();
const aheadWindowMs = 5_000;

const aheadKey = (credentials: Credentials, endpoint: AnalyticsEndpoint, key: string) =>
  [credentials.apiUrl, credentials.token ?? '', credentials.widget, endpoint, key].join('\n');

/**
 * Sends a widget's requests ahead of its render, to be claimed by its useAnalytics. Settles when
 * every answer is in, whether it succeeded or not.
 */
export function askAhead(credentials: Credentials, asks: readonly AnalyticsAsk[]): Promise<void> {
  const at = performance.now();
  const answers: Promise<unknown>[] = [];
  for (const [key, entry] of ahead) if (at - entry.at >= aheadWindowMs) ahead.delete(key);
  for (const { endpoint, body } of asks) {
    const key = aheadKey(credentials, endpoint, bodyKey(body));
    // A refusal (signed out, no access) is shown by WidgetRoot, which then never claims this.
    const entry: Ahead = settling(fetchAnalytics(credentials, endpoint, body as AnalyticsRequest<typeof endpoint>), () => {
      if (ahead.get(key) === entry) ahead.delete(key);
    });
    ahead.set(key, entry);
    answers.push(entry.answer);
  }
  return Promise.allSettled(answers).then(() => undefined);
}

export function claimAhead(credentials: Credentials, endpoint: AnalyticsEndpoint, key: string): Ahead | undefined {
  const id = aheadKey(credentials, endpoint, key);
  const entry = ahead.get(id);
  ahead.delete(id);
  // A copy: `settled` as it was at the claim, i.e. what a first render drew from; the entry's own
  // field fills in when the answer arrives, and the effect must then still take it.
  return entry && performance.now() - entry.at < aheadWindowMs ? { ...entry } : undefined;
}
