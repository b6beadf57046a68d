// The page's filter state: one store per `filter-scope` (default "page"), shared by every widget of
// that scope, so the filter bar drives the charts beside it. A scope can mirror itself in the page
// URL (`sync-url`), so a link or a reload reproduces the view. Values are always the shared filter
// model (shared/analytics/filters.ts); anything else in the URL is ignored, never half-applied.
import { filtersSchema, type Filters } from '../../shared/analytics/filters.ts';

export const defaultScope = 'page';

export interface FilterStore {
  readonly scope: string;
  get(): Filters;
  set(next: Filters): void;
  subscribe(listener: () => void): () => void;
}

function createStore(scope: string): FilterStore {
  let current: Filters = {};
  const listeners = new Set<() => void>();
  return {
    scope,
    get: () => current,
    set(next) {
      if (encodeFilters(next) === encodeFilters(current)) return;
      current = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// Module state on purpose: the runtime chunk is loaded once per page, so every widget of a scope
// finds the same store.
const stores = new Map<string, FilterStore>();

/** The scope a `filter-scope` attribute names: blank or absent is the page's. */
export function scopeName(attribute: string | null | undefined): string {
  return attribute?.trim() || defaultScope;
}

export function filterStore(scope: string = defaultScope): FilterStore {
  const name = scopeName(scope);
  let store = stores.get(name);
  if (!store) stores.set(name, (store = createStore(name)));
  return store;
}

/** Canonical JSON: keys in the model's order, so equal filters give equal strings (and URLs). */
export function encodeFilters(filters: Filters): string {
  const ordered: Filters = {};
  if (filters.created) ordered.created = filters.created;
  if (filters.assignee) ordered.assignee = filters.assignee;
  if (filters.ticketType) ordered.ticketType = filters.ticketType;
  if (filters.priority) ordered.priority = filters.priority;
  return JSON.stringify(ordered);
}

export type Decoded = { ok: true; filters: Filters } | { ok: false; error: string };

export function decodeFilters(text: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = filtersSchema.safeParse(value);
  if (parsed.success) return { ok: true, filters: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'filters'}: ${issue.message}` : 'invalid filters' };
}

/** The query parameter a scope is mirrored in: `ops-filters`, or `ops-filters.<scope>`. */
export function urlParameter(scope: string): string {
  return scope === defaultScope ? 'ops-filters' : `ops-filters.${scope}`;
}

/** What syncWithUrl needs from the page; `window` in the browser, a fake in tests. */
export interface PageLocation {
  href(): string;
  replace(url: string): void;
  onNavigate(listener: () => void): () => void;
}

export const browserLocation: PageLocation = {
  href: () => window.location.href,
  replace: (url) => window.history.replaceState(window.history.state, '', url),
  onNavigate(listener) {
    window.addEventListener('popstate', listener);
    return () => window.removeEventListener('popstate', listener);
  },
};

/** The scope's parameter in the page URL, decoded; undefined when the URL has none. */
function filtersInUrl(scope: string, location: PageLocation): Decoded | undefined {
  const text = new URL(location.href()).searchParams.get(urlParameter(scope));
  return text === null ? undefined : decodeFilters(text);
}

function readUrl(store: FilterStore, location: PageLocation, onInvalid: (error: string) => void): void {
  const decoded = filtersInUrl(store.scope, location);
  if (!decoded) store.set({});
  else if (decoded.ok) store.set(decoded.filters);
  else onInvalid(decoded.error);
}

const syncedScopes = new Map<string, { count: number; stop: () => void }>();

/**
 * Mirrors a scope in the URL: the URL's filters win at first (a shared link), then every change
 * replaces the parameter (no history entry per click), and back/forward navigation is read
 * again. Several widgets may ask for the same scope; the last one to let go stops the sync.
 */
export function syncWithUrl(
  store: FilterStore,
  location: PageLocation = browserLocation,
  onInvalid: (error: string) => void = () => {},
): () => void {
  const existing = syncedScopes.get(store.scope);
  if (existing) {
    existing.count++;
  } else {
    readUrl(store, location, onInvalid);
    const write = () => {
      const url = new URL(location.href());
      const filters = store.get();
      if (Object.keys(filters).length === 0) url.searchParams.delete(urlParameter(store.scope));
      else url.searchParams.set(urlParameter(store.scope), encodeFilters(filters));
      if (url.href !== location.href()) location.replace(url.href);
    };
    const unsubscribe = store.subscribe(write);
    const stopNavigation = location.onNavigate(() => readUrl(store, location, onInvalid));
    syncedScopes.set(store.scope, {
      count: 1,
      stop: () => {
        unsubscribe();
        stopNavigation();
      },
    });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const entry = syncedScopes.get(store.scope);
    if (!entry || --entry.count > 0) return;
    entry.stop();
    syncedScopes.delete(store.scope);
  };
}

/**
 * Loads the URL's filters into a scope now, when a widget with `sync-url` connects: its sync starts
 * only after React renders it, and a neighbour rendering first would draw (and ask for) the scope
 * without them. The sync itself still reports an invalid parameter.
 */
export function primeFromUrl(scope: string): void {
  const store = filterStore(scope);
  if (!syncedScopes.has(store.scope)) readUrl(store, browserLocation, () => {});
}

/**
 * The scope's filters as a widget connecting now will first apply them. Until a widget syncs the
 * scope with the URL, the URL's filters are the ones that sync is about to load; after, the store's.
 */
export function openingFilters(scope: string): Filters {
  const store = filterStore(scope);
  if (syncedScopes.has(store.scope)) return store.get();
  const decoded = filtersInUrl(store.scope, browserLocation);
  return decoded?.ok ? decoded.filters : store.get();
}

/** The `filters` attribute: the keys it pins, or none (with the reason) when it is not valid filters. */
export function decodePinned(text: string | null | undefined): { pinned: Filters | undefined; error: string | undefined } {
  if (!text) return { pinned: undefined, error: undefined };
  const decoded = decodeFilters(text);
  return decoded.ok ? { pinned: decoded.filters, error: undefined } : { pinned: undefined, error: decoded.error };
}

/** A widget's effective filters: its scope's, with the keys it pins (`filters` attribute) on top. */
export function withPinned(scoped: Filters, pinned: Filters | undefined): Filters {
  return pinned ? { ...scoped, ...pinned } : scoped;
}
