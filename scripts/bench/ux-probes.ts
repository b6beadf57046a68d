// What the UX benchmark runs inside the page. Each probe notes times with the page's own
// performance.now() (0 = navigation start) from a MutationObserver on the widgets, so a figure is
// when the page changed, not when Playwright's polling noticed. The functions are serialised into
// the page: they use nothing from this module's scope.
// Widgets mirror their data state on their element (widgets/runtime/status.ts): data-state is
// loading | refreshing | ready | error.

export interface LoadProbe {
  /** When every widget on the page last became ready (null while one is not). */
  readyAt: number | null;
  /** The last data-state change of any widget. */
  lastChangeAt: number;
  /** When each widget (by tag) last became ready, for the breakdown of a load. */
  widgets: Record<string, number>;
}

export interface StepProbe {
  /** The user's click (its event time), or for steps started outside the page, null. */
  startedAt: number | null;
  /** When the step's result was on the page. */
  doneAt: number | null;
  /** A widget fell back to its skeleton (data-state loading) on the way. */
  sawLoading: boolean;
  /** The step's first analytics answer: when it arrived, and the API's own time (Server-Timing). */
  answeredAt?: number;
  serverMs?: number;
}

declare global {
  interface Window {
    __uxLoad?: LoadProbe;
    __uxStep?: StepProbe;
  }
}

/** Init script (every document): when every element matching `selector` last became ready. */
export function installLoadProbe(selector: string): void {
  const probe: LoadProbe = { readyAt: null, lastChangeAt: 0, widgets: {} };
  window.__uxLoad = probe;
  new MutationObserver((records) => {
    const now = performance.now();
    if (records.some((r) => r.type === 'attributes')) probe.lastChangeAt = now;
    const widgets = [...document.querySelectorAll<HTMLElement>(selector)];
    for (const w of widgets) {
      if (w.dataset.state !== 'ready') delete probe.widgets[w.localName];
      else probe.widgets[w.localName] ??= now;
    }
    const ready = widgets.length > 0 && widgets.every((w) => w.dataset.state === 'ready');
    if (!ready) probe.readyAt = null;
    else probe.readyAt ??= now;
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

/** The page has had every widget ready, with no state change, for `quietMs`. */
export function loadSettled(quietMs: number): boolean {
  const p = window.__uxLoad;
  return p !== undefined && p.readyAt !== null && performance.now() - Math.max(p.readyAt, p.lastChangeAt) >= quietMs;
}

/**
 * When the page asked for the widget bundle (its first file: the loader, an entry or a preloaded
 * chunk, whichever the page names first) and when its last file arrived, when the first analytics
 * request left and the last answer arrived, and when each widget became ready.
 */
export function loadBreakdown(): { loaderAt: number | null; bundleAt: number | null; askedAt: number | null; answeredAt: number | null; widgets: Record<string, number> } {
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const files = resources.filter((e) => new URL(e.name).pathname.startsWith('/widgets/'));
  const analytics = resources.filter((e) => new URL(e.name).pathname.startsWith('/api/analytics/'));
  const some = files.length > 0;
  const asked = analytics.length > 0;
  return {
    loaderAt: some ? Math.min(...files.map((e) => e.startTime)) : null,
    bundleAt: some ? Math.max(...files.map((e) => e.responseEnd)) : null,
    askedAt: asked ? Math.min(...analytics.map((e) => e.startTime)) : null,
    answeredAt: asked ? Math.max(...analytics.map((e) => e.responseEnd)) : null,
    widgets: { ...window.__uxLoad?.widgets },
  };
}

/** Each widget's data-state, for error messages. */
export function widgetStates(selector: string): string {
  const widgets = [...document.querySelectorAll<HTMLElement>(selector)];
  if (widgets.length === 0) return `no widgets on ${location.pathname}`;
  return widgets.map((w) => `${w.localName}=${w.dataset.state ?? '(none)'}`).join(', ');
}

/**
 * Starts a step timed from the next click, at the click event's own time. The arm… probe called
 * after it, in its own evaluate (a probe cannot call another), notes when the step is done.
 */
export function armClick(): void {
  const step: StepProbe = { startedAt: null, doneAt: null, sawLoading: false };
  window.__uxStep = step;
  document.addEventListener(
    'click',
    (event) => {
      const now = performance.now();
      step.startedAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
    },
    { capture: true, once: true },
  );
}

/**
 * Times the next click until every widget is ready again, each of `redraw` having left ready on
 * the way (refreshing, then ready with the new filters' data).
 */
export function armRedraw({ selector, redraw }: { selector: string; redraw: string[] }): void {
  const step = window.__uxStep;
  if (!step) throw new Error('call armClick first');
  const widgets = [...document.querySelectorAll<HTMLElement>(selector)];
  const left = new Set<Element>();
  // Room for every step's requests: readStep finds the step's answer there.
  performance.setResourceTimingBufferSize(10_000);
  const observer = new MutationObserver((records) => {
    if (step.startedAt === null) return;
    for (const r of records) {
      const el = r.target as HTMLElement;
      if (el.dataset.state !== 'ready' || (r.oldValue !== null && r.oldValue !== 'ready')) left.add(el);
      if (el.dataset.state === 'loading' || r.oldValue === 'loading') step.sawLoading = true;
    }
    const ready = widgets.every((w) => w.dataset.state === 'ready');
    if (ready && widgets.every((w) => !redraw.includes(w.localName) || left.has(w))) {
      step.doneAt = performance.now();
      observer.disconnect();
    }
  });
  for (const w of widgets) observer.observe(w, { attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
}

/**
 * Times the next click until the ticket list shows rows none of which it showed before, with its
 * "Showing a–b of N" line updated.
 */
export function armNextPage(): void {
  const step = window.__uxStep;
  if (!step) throw new Error('call armClick first');
  const host = document.querySelector<HTMLElement>('ops-ticket-list');
  const root = host?.shadowRoot;
  if (!host || !root) throw new Error('no <ops-ticket-list> with a shadow root on this page');
  const ids = () => [...root.querySelectorAll<HTMLElement>('tr[data-row]')].map((r) => r.dataset.ticketId ?? '');
  const range = () => root.querySelector('[data-range]')?.textContent ?? '';
  const before = new Set(ids());
  const rangeBefore = range();
  const observer = new MutationObserver(() => {
    if (step.startedAt === null) return;
    if (host.dataset.state === 'loading') step.sawLoading = true;
    const shown = ids();
    const text = range();
    if (shown.length > 0 && shown.every((id) => !before.has(id)) && text !== rangeBefore && /^Showing \S+–\S+ of /.test(text)) {
      step.doneAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  observer.observe(host, { attributes: true, attributeFilter: ['data-state'] });
}

/**
 * Times the next click on the stack floor page (scripts/bench/floor) until its line, every donut
 * slice and its key numbers all show other values than before: its whole redraw.
 */
export function armFloorRedraw(): void {
  const step = window.__uxStep;
  if (!step) throw new Error('call armClick first');
  const drawing = () =>
    ['.recharts-line-curve', '.recharts-pie-sector path', '[data-floor-kpis]'].map((selector) =>
      [...document.querySelectorAll(selector)].map((e) => e.getAttribute('d') ?? e.textContent).join('|'),
    );
  const before = drawing();
  const observer = new MutationObserver(() => {
    if (step.startedAt === null) return;
    const now = drawing();
    if (now.every((part, i) => part !== '' && part !== before[i])) {
      step.doneAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * Notes when `[data-metric=<metric>]` in `widget` shows `value`. doneAt is wall-clock time
 * (performance.timeOrigin + now) because the step starts outside the page (a SQL insert).
 */
export function armMetric({ widget, metric, value }: { widget: string; metric: string; value: string }): void {
  const step: StepProbe = { startedAt: null, doneAt: null, sawLoading: false };
  window.__uxStep = step;
  const root = document.querySelector(widget)?.shadowRoot;
  if (!root) throw new Error(`no <${widget}> with a shadow root on this page`);
  const observer = new MutationObserver(() => {
    if (root.querySelector(`[data-metric="${metric}"]`)?.getAttribute('data-value') === value) {
      step.doneAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
}

export function stepDone(): boolean {
  return (window.__uxStep?.doneAt ?? null) !== null;
}

export function readStep(): StepProbe | undefined {
  const step = window.__uxStep;
  if (!step || step.startedAt === null) return step;
  const startedAt = step.startedAt;
  const answer = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
    (e) => e.startTime >= startedAt && new URL(e.name).pathname.startsWith('/api/analytics/'),
  );
  return answer ? { ...step, answeredAt: answer.responseEnd, serverMs: answer.serverTiming.find((t) => t.name === 'total')?.duration } : step;
}

/** The page's wall clock, to relate its times to this process's. */
export function pageEpoch(): number {
  return performance.timeOrigin + performance.now();
}
