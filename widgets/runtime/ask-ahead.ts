// A widget's analytics requests, sent before it renders: when its element connects (beside
// /api/me), and in the very task of a filter change of its scope, before React re-renders the page
// (the widget then holds its filters until the answers are in: useShownFilters).
// Each widget declares them (widgets/asks.ts) from its attributes and effective filters; its
// content then takes the answer (useAnalytics) instead of asking again. A widget whose own state
// changed the request (a view switch, a page) just asks for itself, as it would without this.
import type { Filters } from '../../shared/analytics/filters.ts';
import type { WidgetTag } from '../../shared/widgets.ts';
import { askAhead, flushBatches, type AnalyticsAsk } from './analytics-requests.ts';
import { apiUrlOf } from './endpoints.ts';
import { decodePinned, encodeFilters, filterStore, openingFilters, primeFromUrl, scopeName, withPinned } from './filter-store.ts';
import { widgetCredentials, type Credentials } from './session.ts';

/** What a widget asks for when it shows these filters: the same requests its content makes. */
export type WidgetAsks = (element: HTMLElement, filters: Filters) => AnalyticsAsk[];

interface Asker {
  widget: WidgetTag;
  asks: WidgetAsks;
  /** The effective filters last asked for, encoded: a change that leaves them alone asks nothing. */
  asked: string;
  /** Their answers, until every one is in. */
  pending: Promise<void> | undefined;
}

const connected = new Map<HTMLElement, Asker>();
const watchedScopes = new Set<string>();

const scopeOf = (element: HTMLElement) => scopeName(element.getAttribute('filter-scope'));

function credentialsOf(element: HTMLElement, widget: WidgetTag): Credentials {
  return widgetCredentials(apiUrlOf(element.getAttribute('api-url') ?? undefined), widget, element.getAttribute('token'));
}

/**
 * The scope's filters with the element's pinned ones (`filters` attribute) on top, or none when
 * that attribute is invalid: the widget then shows the error, not numbers for other filters.
 */
function effectiveFilters(element: HTMLElement, scopeFilters: Filters): Filters | undefined {
  const { pinned, error } = decodePinned(element.getAttribute('filters'));
  return error ? undefined : withPinned(scopeFilters, pinned);
}

function ask(element: HTMLElement, asker: Asker, scopeFilters: Filters): void {
  const filters = effectiveFilters(element, scopeFilters);
  if (!filters) return;
  const encoded = encodeFilters(filters);
  if (encoded === asker.asked) return;
  asker.asked = encoded;
  const answers = askAhead(credentialsOf(element, asker.widget), asker.asks(element, filters));
  asker.pending = answers;
  void answers.then(() => {
    if (asker.pending === answers) asker.pending = undefined;
  });
}

/** The answers asked ahead for the element's current filters, while some are still on the way. */
export function pendingAnswers(element: HTMLElement): Promise<void> | undefined {
  return connected.get(element)?.pending;
}

function watch(scope: string): void {
  if (watchedScopes.has(scope)) return;
  watchedScopes.add(scope);
  const store = filterStore(scope);
  store.subscribe(() => {
    for (const [element, asker] of connected) {
      // The early entry connects elements before they are defined; one removed since never disconnects.
      if (!element.isConnected) connected.delete(element);
      else if (scopeOf(element) === scope) ask(element, asker, store.get());
    }
    // Everyone has asked: the batch leaves now, while React is still to re-render the widgets.
    flushBatches();
  });
}

/**
 * An element connected: its scope loads the URL if it syncs it, and its first requests leave. An
 * element the early entry connected before it was defined is not asked again when it upgrades.
 */
export function connectAsker(element: HTMLElement, widget: WidgetTag, asks: WidgetAsks | undefined): void {
  const scope = scopeOf(element);
  if (element.hasAttribute('sync-url')) primeFromUrl(scope);
  if (!asks || connected.get(element)?.asks === asks) return;
  const asker: Asker = { widget, asks, asked: '', pending: undefined };
  connected.set(element, asker);
  watch(scope);
  ask(element, asker, openingFilters(scope));
}

export function disconnectAsker(element: HTMLElement): void {
  connected.delete(element);
}
