// Zero's client filters its local copy with the identity it started with, and zero-cache re-checks
// the server side every 30 s. When an admin changes a viewer's role or tenant, or disables them,
// the widget must follow: it re-reads /api/me every minute and when the page regains focus, shows
// the signed-out state if the session ended, and reloads the page if the identity changed (the one
// Zero instance of the page is bound to the old identity).
import { useEffect } from 'react';
import { fetchSession, type Credentials, type Me, type Session } from './session.ts';

const intervalMs = 60_000;

function identityKey(me: Me): string {
  return [me.userId, me.role, me.clientId, me.teamMemberId].join('|');
}

export function useIdentityWatch(
  credentials: Credentials | undefined,
  me: Me | undefined,
  onSessionEnded: (session: Session) => void,
): void {
  useEffect(() => {
    if (!credentials || !me) return;
    let stopped = false;
    const check = async () => {
      const session = await fetchSession(credentials).catch(() => null);
      if (stopped || !session) return;
      if (session.kind !== 'signed-in') onSessionEnded(session);
      else if (identityKey(session.me) !== identityKey(me)) window.location.reload();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    const timer = setInterval(check, intervalMs);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [credentials, me, onSessionEnded]);
}
