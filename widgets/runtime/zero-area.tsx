// Zero's client is a third of the widget bundle (93 kB gzip) and its start-up (store, socket, first
// sync) is main-thread work. Charts and key numbers draw from the API and need Zero only to hear of
// changes, so for them it loads once every widget on the page has drawn, when the browser is idle;
// widgets whose rows come from Zero queries load it at once. Everything that imports Zero lives behind
// zero-link.tsx, which this module imports only dynamically (the build gives it a chunk of its own).
import { useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { widgetTags } from '../../shared/widgets.ts';
import { useReportStatus } from './status.ts';

/** Reports the viewer's change counter (undefined until it has synced). */
export interface ChangeCounterProps {
  onVersion: (version: number | undefined) => void;
}

/** What zero-link.tsx provides once loaded: each part connects through the page's one Zero. */
export interface ZeroLink {
  /** Provides the page's Zero (for the widget's viewer and token) to Zero's React hooks. */
  Provider: ComponentType<{ children: ReactNode }>;
  ChangeCounter: ComponentType<ChangeCounterProps>;
  ConnectionBadge: ComponentType;
}

let link: ZeroLink | undefined;
let loading: Promise<unknown> | undefined;
let idleAsked = false;
let fallbackSet = false;
const widgetSelector = widgetTags.join(', ');
const listeners = new Set<() => void>();

/** Called by zero-link.tsx when it is evaluated, whichever import brought it. */
export function provideZeroLink(parts: ZeroLink): void {
  link = parts;
  for (const notify of listeners) notify();
}

function loadNow(): void {
  loading ??= import('./zero-link.tsx').catch((err: unknown) => {
    // A network blip: the next ask tries again (a widget's next redraw, a popover that needs the
    // lists). Until then the badges say "Connecting…" and the numbers are those last fetched.
    loading = undefined;
    console.warn('[ops widgets] could not load the live connection:', err);
  });
}

/** If no widget asks sooner, Zero loads this long after the first widget mounted: a slow API must not hold live updates back. */
const latestMs = 3000;

/** Every widget element of the document shows its data or its error (an undefined one shows neither yet). */
function pageDrawn(): boolean {
  const widgets = [...document.querySelectorAll<HTMLElement>(widgetSelector)];
  return widgets.every((w) => w.dataset.state === 'ready' || w.dataset.state === 'error');
}

function loadWhenDrawn(): void {
  idleAsked = false;
  if (pageDrawn()) loadNow();
}

/**
 * Zero is wanted: at once for widgets whose content reads it; otherwise (a widget has drawn) once
 * the page's widgets have all drawn, at the next idle moment. A widget still drawing asks again
 * when it has.
 */
export function wantZero(when: 'now' | 'drawn'): void {
  if (link || loading) return;
  if (when === 'now') return loadNow();
  if (idleAsked) return;
  idleAsked = true;
  if ('requestIdleCallback' in window) requestIdleCallback(loadWhenDrawn, { timeout: 1000 });
  else setTimeout(loadWhenDrawn, 50);
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

const currentLink = () => link;

/** The loaded Zero parts, or undefined until they are in. The page's first mount starts the fallback clock. */
export function useZeroLink(): ZeroLink | undefined {
  useEffect(() => {
    if (fallbackSet) return;
    fallbackSet = true;
    setTimeout(() => wantZero('now'), latestMs);
  }, []);
  return useSyncExternalStore(subscribe, currentLink, currentLink);
}

function Loading({ children }: { children: ReactNode }) {
  useReportStatus({ loading: true, refreshing: false, error: undefined });
  return children;
}

/** Children that read Zero: rendered under the page's Zero once it has loaded, `fallback` (loading) until then. */
export function WithZero({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const loaded = useZeroLink();
  useEffect(() => wantZero('now'), []);
  return loaded ? <loaded.Provider>{children}</loaded.Provider> : <Loading>{fallback}</Loading>;
}
