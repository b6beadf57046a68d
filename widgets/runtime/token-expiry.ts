// An embed token lives at most 15 minutes. A minute before it expires the widget fires
// `ops-token-expiring` (bubbling, composed) so the embedding page can fetch a new token from its
// backend and set the widget's `token` attribute; the widget then renews its API and Zero auth.
import { useEffect } from 'react';
import type { WidgetTag } from '../../shared/widgets.ts';

export const tokenExpiringEvent = 'ops-token-expiring';
const warnBeforeMs = 60_000;

export interface TokenExpiringDetail {
  widget: WidgetTag;
  expiresAt: string;
}

export function useTokenExpiryWarning(container: ShadowRoot | HTMLElement | undefined, widget: WidgetTag, expiresAt: string | undefined) {
  useEffect(() => {
    if (!expiresAt || !container) return;
    const host = container instanceof ShadowRoot ? container.host : container;
    const fire = () =>
      host.dispatchEvent(
        new CustomEvent<TokenExpiringDetail>(tokenExpiringEvent, { bubbles: true, composed: true, detail: { widget, expiresAt } }),
      );
    const delay = new Date(expiresAt).getTime() - Date.now() - warnBeforeMs;
    if (delay <= 0) {
      fire();
      return;
    }
    const timer = setTimeout(fire, delay);
    return () => clearTimeout(timer);
  }, [container, widget, expiresAt]);
}
