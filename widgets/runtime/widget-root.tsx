// The frame every widget renders in: finds its endpoints, learns who the viewer is, provides the
// page's Zero instance, sets font and colour on the root (host-page CSS can still reach inherited
// properties), and shows the connection state so a user knows whether the numbers are live.
import { ZeroProvider, useConnectionState } from '@rocicorp/zero/react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { WidgetTag } from '../../shared/widgets.ts';
import { resolveEndpoints, type Endpoints } from './endpoints.ts';
import { useIdentityWatch } from './identity-watch.ts';
import { fetchSession, type Credentials, type Session } from './session.ts';
import { useTokenExpiryWarning } from './token-expiry.ts';
import { pageZero } from './zero.ts';

/** Attributes every widget accepts (see README, "Embedding"). */
export interface WidgetAttributes {
  apiUrl?: string;
  zeroUrl?: string;
  /** An embed token (other origins); without it the viewer's session cookie is used. */
  token?: string;
  /** Set by r2wc: the widget's shadow root. */
  container?: ShadowRoot | HTMLElement;
}

interface WidgetRootProps extends WidgetAttributes {
  widget: WidgetTag;
  title: string;
  /** Same footprint as the loaded content, shown until data arrives, so nothing shifts. */
  skeleton: ReactNode;
  children: ReactNode;
}

type Ready = { endpoints: Endpoints; session: Session };

function ConnectionBadge() {
  const state = useConnectionState();
  const label =
    state.name === 'connected'
      ? 'Live'
      : state.name === 'connecting'
        ? 'Connecting…'
        : state.name === 'needs-auth'
          ? 'Signed out'
          : 'Offline';
  const tone = state.name === 'connected' ? 'bg-emerald-500' : state.name === 'connecting' ? 'bg-amber-400' : 'bg-rose-500';
  const reason = 'reason' in state && typeof state.reason === 'string' ? state.reason : undefined;
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-muted"
      role="status"
      title={state.name === 'connected' ? 'Receiving changes as they happen' : reason}
    >
      <span className={`size-2 rounded-full ${tone}`} aria-hidden="true" />
      {label}
    </span>
  );
}

function Notice({ tone, children }: { tone: 'alert' | 'info'; children: ReactNode }) {
  return (
    <p role={tone === 'alert' ? 'alert' : 'status'} className={`px-4 py-6 text-sm ${tone === 'alert' ? 'text-rose-700' : 'text-muted'}`}>
      {children}
    </p>
  );
}

export function WidgetRoot({ apiUrl, zeroUrl, token, container, widget, title, skeleton, children }: WidgetRootProps) {
  const [ready, setReady] = useState<Ready>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    (async () => {
      const endpoints = await resolveEndpoints({ apiUrl, zeroUrl });
      const session = await fetchSession({ apiUrl: endpoints.apiUrl, widget, token });
      if (!cancelled) setReady({ endpoints, session });
    })().catch((err: unknown) => {
      if (!cancelled) setError(err instanceof Error ? err.message : String(err));
    });
    return () => {
      cancelled = true;
    };
  }, [apiUrl, zeroUrl, token, widget]);

  const me = ready?.session.kind === 'signed-in' ? ready.session.me : undefined;
  useTokenExpiryWarning(container, widget, me?.embed?.expiresAt);
  const credentials = useMemo<Credentials | undefined>(
    () => (ready ? { apiUrl: ready.endpoints.apiUrl, widget, token } : undefined),
    [ready, widget, token],
  );
  const onSessionEnded = useCallback((session: Session) => setReady((r) => r && { ...r, session }), []);
  useIdentityWatch(credentials, me, onSessionEnded);

  const frame = (badge: ReactNode, body: ReactNode) => (
    <section className="rounded-card border border-line bg-surface font-sans text-ink shadow-sm" aria-label={title}>
      <header className="flex items-center justify-between border-b border-line px-4 py-3">
        <h2 className="text-sm font-semibold">{title}</h2>
        {badge}
      </header>
      {body}
    </section>
  );

  if (error) return frame(null, <Notice tone="alert">This widget cannot reach its server. {error}</Notice>);
  if (!ready) return frame(null, skeleton);
  const { session, endpoints } = ready;
  if (session.kind === 'signed-out') return frame(null, <Notice tone="info">Sign in to see this. {session.message}</Notice>);
  if (session.kind === 'refused') return frame(null, <Notice tone="alert">{session.message}</Notice>);
  return (
    <ZeroProvider zero={pageZero(endpoints.zeroUrl, session.me, token)}>{frame(<ConnectionBadge />, children)}</ZeroProvider>
  );
}
