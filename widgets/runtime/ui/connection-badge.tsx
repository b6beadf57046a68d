// The frame's "are these numbers live?" badge. Its state comes from Zero's connection once Zero has
// loaded (zero-link.tsx); before that the widget is still connecting.
export type ConnectionShown = 'live' | 'connecting' | 'signed-out' | 'offline';

const labels: Record<ConnectionShown, string> = { live: 'Live', connecting: 'Connecting…', 'signed-out': 'Signed out', offline: 'Offline' };
const tones: Record<ConnectionShown, string> = {
  live: 'bg-emerald-500',
  connecting: 'bg-amber-400',
  'signed-out': 'bg-rose-500',
  offline: 'bg-rose-500',
};

export function ConnectionBadgeView({ shown, reason }: { shown: ConnectionShown; reason?: string | undefined }) {
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-muted"
      role="status"
      title={shown === 'live' ? 'Receiving changes as they happen' : reason}
    >
      <span className={`size-2 rounded-full ${tones[shown]}`} aria-hidden="true" />
      {labels[shown]}
    </span>
  );
}
