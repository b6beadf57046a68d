// What a widget's content needs from its frame: who is looking, how to reach the API, the filter
// scope it shares with its neighbours, and its element (events are fired there). Provided by
// WidgetRoot once the viewer is known, so every hook below may assume a signed-in viewer.
import { createContext, useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useSyncExternalStore } from 'react';
import type { Filters } from '../../shared/analytics/filters.ts';
import type { WidgetTag } from '../../shared/widgets.ts';
import type { CsvTable } from './csv.ts';
import { emit, type OpsDrillDetail, type OpsEventMap, type OpsEventName } from './events.ts';
import { pendingAnswers } from './ask-ahead.ts';
import { filterStore, withPinned, type FilterStore } from './filter-store.ts';
import type { Credentials, Me } from './session.ts';
import { StatusContext, type SourceStatus } from './status.ts';

export interface WidgetContextValue {
  widget: WidgetTag;
  host: HTMLElement;
  me: Me;
  credentials: Credentials;
  /** zero-cache's URL, for the page's Zero once it loads (zero-area.tsx). */
  zeroUrl: string;
  reportTimezone: string;
  scope: string;
  /** Keys pinned by the `filters` attribute: they override the scope's and the widget cannot edit them. */
  pinned: Filters | undefined;
  /** Registers what the CSV export button downloads (the frame shows the button while one is set). */
  setCsv: (table: (() => CsvTable) | undefined) => void;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget() outside a WidgetRoot');
  return value;
}

export function useEmit() {
  const { host } = useWidget();
  return useCallback(<N extends OpsEventName>(name: N, detail: OpsEventMap[N]) => emit(host, name, detail), [host]);
}

/** The longest a widget holds its filters for answers on the way; then it shows them refreshing. */
const holdFiltersMs = 200;
const holding: SourceStatus = { loading: false, refreshing: true, error: undefined };

/**
 * The scope's filters as the widget draws them. A filter change sends the widget's requests ahead
 * in the click's task (ask-ahead.ts); the widget holds the filters it shows until those answers are
 * in, at most holdFiltersMs, and then redraws once, straight to the new numbers. Redrawing at once
 * would draw it twice (refreshing, then the answer), and the first time in the click's task, which
 * the answer then waits behind. Its data-state says refreshing from the change on.
 */
function useShownFilters(store: FilterStore, host: HTMLElement): Filters {
  const registry = useContext(StatusContext);
  const source = useId();
  const subscribe = useCallback(
    (notify: () => void) => {
      let latest = 0;
      const unsubscribe = store.subscribe(() => {
        const answers = pendingAnswers(host);
        if (!answers) return notify();
        registry?.report(source, holding);
        const change = ++latest;
        const waited = new Promise<void>((resolve) => setTimeout(resolve, holdFiltersMs));
        void Promise.race([answers, waited]).then(() => change === latest && notify());
      });
      return () => {
        latest = -1;
        unsubscribe();
      };
    },
    [store, host, registry, source],
  );
  const filters = useSyncExternalStore(subscribe, store.get, store.get);
  // The filters drawn are the store's: whatever brought them, the hold is over.
  useLayoutEffect(() => {
    registry?.report(source, undefined);
  }, [filters, registry, source]);
  useLayoutEffect(() => () => registry?.report(source, undefined), [registry, source]);
  return filters;
}

/** The scope's filters as this widget applies them (pinned keys on top), and a setter for the scope. */
export function useFilters(): { filters: Filters; scoped: Filters; setFilters: (next: Filters) => void } {
  const { scope, pinned, widget, host } = useWidget();
  const store = filterStore(scope);
  const scoped = useShownFilters(store, host);
  const filters = useMemo(() => withPinned(scoped, pinned), [scoped, pinned]);
  const fire = useEmit();
  const setFilters = useCallback(
    (next: Filters) => {
      const before = store.get();
      store.set(next);
      if (store.get() !== before) fire('ops-filterchange', { widget, scope: store.scope, filters: store.get() });
    },
    [store, fire, widget],
  );
  return { filters, scoped, setFilters };
}

/** Offers `table` as the widget's CSV export while it is set (undefined hides the button). */
export function useCsvExport(table: CsvTable | undefined): void {
  const { setCsv } = useWidget();
  useEffect(() => {
    setCsv(table && (() => table));
  }, [setCsv, table]);
  useEffect(() => () => setCsv(undefined), [setCsv]);
}

/**
 * Drill-down: announces the clicked segment as the widget's filters narrowed to it. The page (or
 * the host) opens the ticket list with that filter.
 */
export function useDrill() {
  const { widget, scope, pinned } = useWidget();
  const fire = useEmit();
  // The filters are read at the click, not subscribed to: the handler then stays the same when the
  // filters change, so a memoized chart holding it is not redrawn until its new data arrives.
  return useCallback(
    (narrow: Filters, label: string, status?: OpsDrillDetail['status']) =>
      fire('ops-drill', {
        widget,
        filters: { ...withPinned(filterStore(scope).get(), pinned), ...narrow },
        label,
        ...(status ? { status } : {}),
      }),
    [fire, widget, scope, pinned],
  );
}
