// What every widget waits for before it can ask for data: the API's configuration and the viewer
// (startWidget), and the page's Zero instance. startEarly begins them when the element connects
// instead of after React's first render and effects: on a busy page load the main thread is still
// evaluating scripts, and the requests can travel meanwhile. WidgetRoot then calls startWidget too
// and finds the answers in flight or just settled (openSession), and Zero already opening its store.
// A widget that declares its first analytics requests has them sent now as well (askEarly).
import type { Filters } from '../../shared/analytics/filters.ts';
import type { WidgetTag } from '../../shared/widgets.ts';
import { askEarly, type AnalyticsAsk } from './analytics-client.ts';
import { apiUrlOf, resolveEndpoints, type Endpoints } from './endpoints.ts';
import { decodeFilters, defaultScope, openingFilters, primeFromUrl, withPinned } from './filter-store.ts';
import { openSession, type Session } from './session.ts';
import { pageZero } from './zero.ts';

export interface Started {
  endpoints: Endpoints;
  session: Session;
}

/** The widget's endpoints and viewer, asked at once: the session needs only the API URL, not the config. */
export async function startWidget(widget: WidgetTag, attrs: { apiUrl?: string | undefined; zeroUrl?: string | undefined; token?: string | undefined }): Promise<Started> {
  const apiUrl = apiUrlOf(attrs.apiUrl);
  const [endpoints, session] = await Promise.all([
    resolveEndpoints({ apiUrl, zeroUrl: attrs.zeroUrl }),
    openSession({ apiUrl, widget, token: attrs.token }),
  ]);
  return { endpoints, session };
}

/**
 * What a widget asks for first, from its element's attributes and the filters it opens with; the
 * same requests its content makes on first render, or they are not used.
 */
export type FirstAsks = (element: HTMLElement, filters: Filters) => AnalyticsAsk[];

const scopeOf = (element: HTMLElement) => element.getAttribute('filter-scope')?.trim() || defaultScope;

/** The filters a connecting element's content will first apply: its scope's, its pinned keys on top. */
function connectingFilters(element: HTMLElement): Filters {
  const pinned = decodeFilters(element.getAttribute('filters') ?? '');
  return withPinned(openingFilters(scopeOf(element)), pinned.ok ? pinned.filters : undefined);
}

export function startEarly(widget: WidgetTag, element: HTMLElement, firstAsks?: FirstAsks): void {
  const apiUrl = element.getAttribute('api-url') ?? undefined;
  const token = element.getAttribute('token') || undefined;
  if (element.hasAttribute('sync-url')) primeFromUrl(scopeOf(element));
  if (firstAsks) askEarly({ apiUrl: apiUrlOf(apiUrl), widget, token }, firstAsks(element, connectingFilters(element)));
  // An embed token's answer depends on the widget; WidgetRoot asks for it with the token it renders.
  if (token) return;
  const attrs = { apiUrl, zeroUrl: element.getAttribute('zero-url') ?? undefined };
  startWidget(widget, attrs).then(
    ({ endpoints, session }) => {
      if (session.kind === 'signed-in') pageZero(endpoints.zeroUrl, session.me, undefined);
    },
    // WidgetRoot asks again and shows what went wrong.
    () => {},
  );
}
