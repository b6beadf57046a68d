// The frame every widget renders in: finds its endpoints, learns who the viewer is, provides the
// widget's context (filter scope, pinned filters, events) and the page's Zero where its content
// reads Zero, follows the viewer's change counter, applies the theme, shows the connection state so
// a user knows whether the numbers are live, and offers the CSV export of what the widget shows.
// First: zod must be configured before any module builds a schema; every widget renders through
// this file, and entries import it before their own modules.
import './strict-csp.ts';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Filters } from '../../shared/analytics/filters.ts';
import type { WidgetTag } from '../../shared/widgets.ts';
import { downloadCsv, type CsvTable } from './csv.ts';
import { startedWidget, startWidget, type Started } from './start-widget.ts';
import { emit, hostOf } from './events.ts';
import { decodePinned, filterStore, scopeName, syncWithUrl } from './filter-store.ts';
import { useIdentityWatch } from './identity-watch.ts';
import { ChangeVersionContext } from './live.ts';
import { widgetCredentials, type Credentials, type Session } from './session.ts';
import { combinedState, StatusContext, type SourceStatus, type StatusRegistry } from './status.ts';
import { useTokenExpiryWarning } from './token-expiry.ts';
import { ConnectionBadgeView } from './ui/connection-badge.tsx';
import { WidgetContext, type WidgetContextValue } from './widget-context.tsx';
import { wantZero, WithZero, useZeroLink } from './zero-area.tsx';

export const themes = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof themes)[number];

/** Attributes every widget accepts (see README, "Embedding"). */
export interface WidgetAttributes {
  apiUrl?: string;
  zeroUrl?: string;
  /** An embed token (other origins); without it the viewer's session cookie is used. */
  token?: string;
  /** JSON in the shared filter model: these keys are fixed for this widget. */
  filters?: string;
  /** Widgets with the same scope share filters (default "page"). */
  filterScope?: string;
  /** Mirror the scope's filters in the page URL. */
  syncUrl?: boolean;
  theme?: string;
  /** Set by r2wc: the widget's shadow root. */
  container?: ShadowRoot | HTMLElement;
}

/** The common attributes as r2wc declares them; each widget adds its own. */
export const commonAttributes = {
  apiUrl: 'string',
  zeroUrl: 'string',
  token: 'string',
  filters: 'string',
  filterScope: 'string',
  syncUrl: 'boolean',
  theme: 'string',
} as const;

interface WidgetRootProps extends WidgetAttributes {
  widget: WidgetTag;
  title: string;
  /** Same footprint as the loaded content, shown until data arrives, so nothing shifts. */
  skeleton: ReactNode;
  /** Controls shown in the header beside the title (view switches and the like). */
  actions?: ReactNode;
  /** The content reads rows through Zero queries: Zero loads at once, and the skeleton shows until it has. */
  zeroContent?: boolean;
  children: ReactNode;
}

function Notice({ tone, children }: { tone: 'alert' | 'info'; children: ReactNode }) {
  return (
    <p role={tone === 'alert' ? 'alert' : 'status'} className={`px-4 py-6 text-sm ${tone === 'alert' ? 'text-danger' : 'text-muted'}`}>
      {children}
    </p>
  );
}

function CsvButton({ table }: { table: () => CsvTable }) {
  return (
    <button
      type="button"
      onClick={() => downloadCsv(table())}
      className="rounded-md border border-line px-2 py-1 text-xs text-muted hover:bg-accent-soft hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
      title="Download what this widget shows as CSV"
    >
      Export CSV
    </button>
  );
}

function themeOf(value: string | undefined): Theme {
  return (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'auto';
}

/** The status source an invalid `filters` attribute reports as. */
const pinnedSource = 'filters-attribute';

/**
 * The `filters` attribute, validated. An invalid value is the widget's error (shown, and reported
 * as an attribute error) rather than ignored: the pin is invisible on the page, so numbers drawn
 * without it would pass for the pinned ones.
 */
function usePinned(text: string | undefined, registry: StatusRegistry): { pinned: Filters | undefined; pinError: string | undefined } {
  const { pinned, error } = useMemo(() => decodePinned(text), [text]);
  const pinError = error && `The filters attribute is not valid (${error}).`;
  // Reported only while invalid: a report with no other source yet would read as ready.
  useLayoutEffect(() => {
    if (!pinError) return;
    registry.report(pinnedSource, { loading: false, refreshing: false, error: pinError, errorKind: 'attribute' });
    return () => registry.report(pinnedSource, undefined);
  }, [registry, pinError]);
  return { pinned, pinError };
}

/** Collects every data source's status into the element's data-state and the ready/error events. */
function useStatusRegistry(host: HTMLElement | undefined, widget: WidgetTag): StatusRegistry {
  const sources = useRef(new Map<string, SourceStatus>());
  const announced = useRef({ ready: false, error: undefined as string | undefined });
  return useMemo<StatusRegistry>(() => {
    let queued = false;
    // Written once, in a microtask after the commit: the sources of one commit report one by one
    // (a filter change's hold ends before the request it waited for reports refreshing), and the
    // element must show their sum, not a state on the way.
    const write = () => {
      queued = false;
      if (!host) return;
      const { state, error, errorKind } = combinedState(sources.current.values());
      if (host.dataset.state !== state) host.dataset.state = state;
      if (state === 'ready' || state === 'error') wantZero('drawn');
      if (state === 'ready' && !announced.current.ready) {
        announced.current.ready = true;
        emit(host, 'ops-ready', { widget });
      }
      if (error && error !== announced.current.error) emit(host, 'ops-error', { widget, kind: errorKind ?? 'request', message: error });
      announced.current.error = error;
    };
    return {
      report(source, status) {
        if (status) sources.current.set(source, status);
        else sources.current.delete(source);
        if (!queued) queueMicrotask(write);
        queued = true;
      },
    };
  }, [host, widget]);
}

export function WidgetRoot(props: WidgetRootProps) {
  const { apiUrl, zeroUrl, token, container, widget, title, skeleton, actions, zeroContent, children } = props;
  const [ready, setReady] = useState<Started | undefined>(() => startedWidget(widget, { apiUrl, zeroUrl, token }));
  const startedAtMount = useRef(ready !== undefined);
  const [error, setError] = useState<string>();
  const [csv, setCsvState] = useState<{ table: () => CsvTable }>();
  const host = container ? hostOf(container) : undefined;
  const scope = scopeName(props.filterScope);
  const theme = themeOf(props.theme);

  const reportAttribute = useCallback(
    (message: string) => host && emit(host, 'ops-error', { widget, kind: 'attribute', message }),
    [host, widget],
  );
  const registry = useStatusRegistry(host, widget);
  const { pinned, pinError } = usePinned(props.filters, registry);
  const setCsv = useCallback((table: (() => CsvTable) | undefined) => setCsvState(table && { table }), []);
  const zero = useZeroLink();
  const [changeVersion, setChangeVersion] = useState<number>();

  useEffect(() => {
    if (!props.syncUrl) return;
    return syncWithUrl(filterStore(scope), undefined, (reason) =>
      reportAttribute(`The filters in the page URL were ignored: ${reason}`),
    );
  }, [props.syncUrl, scope, reportAttribute]);

  useEffect(() => {
    if (startedAtMount.current) {
      startedAtMount.current = false;
      return;
    }
    let cancelled = false;
    setError(undefined);
    startWidget(widget, { apiUrl, zeroUrl, token })
      .then((started) => {
        if (!cancelled) setReady(started);
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const message = err instanceof Error ? err.message : String(err);
        setError(message);
        if (host) {
          host.dataset.state = 'error';
          emit(host, 'ops-error', { widget, kind: 'connection', message });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [apiUrl, zeroUrl, token, widget, host]);

  const me = ready?.session.kind === 'signed-in' ? ready.session.me : undefined;
  useTokenExpiryWarning(container, widget, me?.embed?.expiresAt);
  const credentials = useMemo<Credentials | undefined>(
    () => (ready ? widgetCredentials(ready.endpoints.apiUrl, widget, token) : undefined),
    [ready, widget, token],
  );
  const onSessionEnded = useCallback((session: Session) => setReady((r) => r && { ...r, session }), []);
  useIdentityWatch(credentials, me, onSessionEnded);

  const context = useMemo<WidgetContextValue | undefined>(
    () =>
      me && credentials && host && ready
        ? {
            widget,
            host,
            me,
            credentials,
            zeroUrl: ready.endpoints.zeroUrl,
            reportTimezone: ready.endpoints.reportTimezone,
            scope,
            pinned,
            setCsv,
          }
        : undefined,
    [me, credentials, host, ready, widget, scope, pinned, setCsv],
  );

  const frame = (header: ReactNode, body: ReactNode) => (
    <section
      data-theme={theme}
      className="ops-frame rounded-card border border-line bg-surface font-sans text-ink shadow-sm"
      aria-label={title}
    >
      <header className="flex min-h-12 flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        <div className="flex flex-wrap items-center gap-3">{header}</div>
      </header>
      {body}
    </section>
  );

  if (error) return frame(null, <Notice tone="alert">This widget cannot reach its server. {error}</Notice>);
  if (pinError) return frame(null, <Notice tone="alert">{pinError} Fix or remove it to see numbers: without it they would answer other filters.</Notice>);
  if (!ready) return frame(null, skeleton);
  const { session } = ready;
  if (session.kind === 'signed-out') return frame(null, <Notice tone="info">Sign in to see this. {session.message}</Notice>);
  if (session.kind === 'refused') return frame(null, <Notice tone="alert">{session.message}</Notice>);
  if (!context) return frame(null, skeleton);
  return (
    <WidgetContext.Provider value={context}>
      <ChangeVersionContext.Provider value={changeVersion}>
        <StatusContext.Provider value={registry}>
          {frame(
            <>
              {actions}
              {csv && <CsvButton table={csv.table} />}
              {zero ? <zero.ConnectionBadge /> : <ConnectionBadgeView shown="connecting" />}
            </>,
            zeroContent ? <WithZero fallback={skeleton}>{children}</WithZero> : children,
          )}
          {zero && <zero.ChangeCounter onVersion={setChangeVersion} />}
        </StatusContext.Provider>
      </ChangeVersionContext.Provider>
    </WidgetContext.Provider>
  );
}
