// Everything the widget runtime does through Zero, in one module that zero-area.tsx loads when a
// widget wants Zero (see there why it is not loaded up front). Widgets whose rows come from Zero
// import this module in their entry, so their content has Zero from its first render.
import { ZeroProvider, useConnectionState, useQuery } from '@rocicorp/zero/react';
import { useEffect, type ReactNode } from 'react';
import { counterIdOf } from '../../shared/zero/permissions.ts';
import { queries } from '../../shared/zero/queries.ts';
import { ConnectionBadgeView, type ConnectionShown } from './ui/connection-badge.tsx';
import { useWidget } from './widget-context.tsx';
import { provideZeroLink, type ChangeCounterProps } from './zero-area.tsx';
import { pageZero } from './zero.ts';

function Provider({ children }: { children: ReactNode }) {
  const { me, zeroUrl, credentials } = useWidget();
  return <ZeroProvider zero={pageZero(zeroUrl, me, credentials.token)}>{children}</ZeroProvider>;
}

// "Something this viewer can see changed": the version of the viewer's change counter (staff follow
// the staff row, a client user their client's row). Aggregates are SQL on the server, so widgets
// refetch when this moves instead of syncing whole tables.
function CounterQuery({ onVersion }: ChangeCounterProps) {
  const { me } = useWidget();
  const [counter, result] = useQuery(queries.changes.counter({ id: counterIdOf(me) }));
  // A client that never wrote anything has no row yet: that is version 0, not "unknown".
  const version = counter?.version ?? (result.type === 'complete' ? 0 : undefined);
  useEffect(() => onVersion(version), [onVersion, version]);
  return null;
}

function ChangeCounter({ onVersion }: ChangeCounterProps) {
  return (
    <Provider>
      <CounterQuery onVersion={onVersion} />
    </Provider>
  );
}

/** Zero's connection states as the badge names them; any other (disconnected, error, closed) is offline. */
const shownFor: Partial<Record<string, ConnectionShown>> = { connected: 'live', connecting: 'connecting', 'needs-auth': 'signed-out' };

function Badge() {
  const state = useConnectionState();
  const shown = shownFor[state.name] ?? 'offline';
  const reason = 'reason' in state && typeof state.reason === 'string' ? state.reason : undefined;
  return <ConnectionBadgeView shown={shown} reason={reason} />;
}

function ConnectionBadge() {
  return (
    <Provider>
      <Badge />
    </Provider>
  );
}

provideZeroLink({ Provider, ChangeCounter, ConnectionBadge });
