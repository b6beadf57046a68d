// Who the widget's viewer is, as the API sees them (cookie session or embed token). Zero needs this
// before it connects: zero-cache rejects a client whose userID differs from the server's, and the
// synced queries use the role and tenant as their context.
import { hc, type InferResponseType } from 'hono/client';
import type { ApiRoutes } from '../../server/app.ts';
import { widgetHeader, type WidgetTag } from '../../shared/widgets.ts';
import { settling, type Settling } from './settling.ts';

const client = (apiUrl: string) => hc<ApiRoutes>(apiUrl);

export type Me = InferResponseType<ReturnType<typeof client>['api']['me']['$get'], 200>;

export type Session =
  | { kind: 'signed-in'; me: Me }
  | { kind: 'signed-out'; message: string }
  | { kind: 'refused'; message: string };

export interface Credentials {
  apiUrl: string;
  widget: WidgetTag;
  /** An embed token; without one the browser's session cookie is used. */
  token?: string | undefined;
}

/**
 * A widget's credentials. Built here only: answers asked ahead (ask-ahead.ts) are claimed by equal
 * credentials, so the element's and WidgetRoot's must come out the same.
 */
export function widgetCredentials(apiUrl: string, widget: WidgetTag, token: string | null | undefined): Credentials {
  return { apiUrl, widget, token: token || undefined };
}

/** Headers every widget API request carries: the widget (token scope) and the embed token. */
export function apiHeaders({ widget, token }: Credentials): Record<string, string> {
  return token ? { [widgetHeader]: widget, authorization: `Bearer ${token}` } : { [widgetHeader]: widget };
}

// Widgets of one page ask at the same moment: with the cookie session they share one request (the
// answer does not depend on the widget); a token's answer does, so each widget asks for itself.
// Only requests in flight are shared, never a settled answer: a later check must see a sign-out.
const inFlight = new Map<string, Promise<Session>>();

export function fetchSession(credentials: Credentials): Promise<Session> {
  if (credentials.token) return requestSession(credentials);
  const key = credentials.apiUrl;
  let request = inFlight.get(key);
  if (!request) {
    request = requestSession(credentials).finally(() => inFlight.delete(key));
    inFlight.set(key, request);
  }
  return request;
}

// The first answer of a page load serves every widget that mounts while the page opens, including
// the request the element's connection sent before React rendered (start-widget.ts). Later checks
// (identity-watch) ask again.
const openingWindowMs = 5_000;
const opening = new Map<string, Settling<Session>>();

function recentOpening(apiUrl: string): Settling<Session> | undefined {
  const recent = opening.get(apiUrl);
  return recent && performance.now() - recent.at < openingWindowMs ? recent : undefined;
}

/** The viewer for a widget that is starting: the page's opening answer when there is a recent one. */
export function openSession(credentials: Credentials): Promise<Session> {
  if (credentials.token) return fetchSession(credentials);
  const key = credentials.apiUrl;
  const recent = recentOpening(key);
  if (recent) return recent.answer;
  const entry = settling(fetchSession(credentials), () => opening.delete(key));
  opening.set(key, entry);
  return entry.answer;
}

/** What openSession would answer, when that answer is already in. */
export function openedSession(credentials: Credentials): Session | undefined {
  return credentials.token ? undefined : recentOpening(credentials.apiUrl)?.settled?.value;
}

async function requestSession(credentials: Credentials): Promise<Session> {
  const res = await client(credentials.apiUrl).api.me.$get(undefined, {
    headers: apiHeaders(credentials),
    init: { credentials: credentials.token ? 'omit' : 'include' },
  });
  if (res.status === 200) return { kind: 'signed-in', me: await res.json() };
  const body = (await res.json().catch(() => ({}))) as { message?: unknown };
  const message = typeof body.message === 'string' ? body.message : `The server answered ${res.status}.`;
  if (res.status === 401) return { kind: 'signed-out', message };
  if (res.status === 403) return { kind: 'refused', message };
  throw new Error(message);
}
