// The frame every widget renders in: resolves endpoints, provides the page's Zero instance, sets
// font and colour on the root (host-page CSS can still reach inherited properties), and shows the
// connection state so a user knows whether the numbers are live.
import { ZeroProvider, useConnectionState } from '@rocicorp/zero/react';
import { useEffect, useState, type ReactNode } from 'react';
import { resolveEndpoints, type Endpoints } from './endpoints.ts';
import { pageZero } from './zero.ts';

export interface EndpointAttributes {
  apiUrl?: string;
  zeroUrl?: string;
}

interface WidgetRootProps extends EndpointAttributes {
  title: string;
  /** Same footprint as the loaded content, shown until data arrives, so nothing shifts. */
  skeleton: ReactNode;
  children: ReactNode;
}

function ConnectionBadge() {
  const state = useConnectionState();
  const live = state.name === 'connected';
  const label = live ? 'Live' : state.name === 'connecting' ? 'Connecting…' : 'Offline';
  const tone = live ? 'bg-emerald-500' : state.name === 'connecting' ? 'bg-amber-400' : 'bg-rose-500';
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-muted"
      role="status"
      title={state.name === 'connected' ? 'Receiving changes as they happen' : state.reason?.toString()}
    >
      <span className={`size-2 rounded-full ${tone}`} aria-hidden="true" />
      {label}
    </span>
  );
}

export function WidgetRoot({ apiUrl, zeroUrl, title, skeleton, children }: WidgetRootProps) {
  const [endpoints, setEndpoints] = useState<Endpoints>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    resolveEndpoints({ apiUrl, zeroUrl }).then(
      (e) => !cancelled && setEndpoints(e),
      (err: unknown) => !cancelled && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [apiUrl, zeroUrl]);

  const frame = (badge: ReactNode, body: ReactNode) => (
    <section className="rounded-card border border-line bg-surface font-sans text-ink shadow-sm" aria-label={title}>
      <header className="flex items-center justify-between border-b border-line px-4 py-3">
        <h2 className="text-sm font-semibold">{title}</h2>
        {badge}
      </header>
      {body}
    </section>
  );

  if (error) {
    return frame(
      null,
      <p role="alert" className="px-4 py-6 text-sm text-rose-700">
        This widget cannot reach its server. {error}
      </p>,
    );
  }
  if (!endpoints) return frame(null, skeleton);
  return (
    <ZeroProvider zero={pageZero(endpoints.zeroUrl)}>{frame(<ConnectionBadge />, children)}</ZeroProvider>
  );
}
