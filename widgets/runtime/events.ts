// The events widgets fire on their element: bubbling and composed, so a page can listen on the
// element, on a container or on document. Names and details are a public contract (README,
// "Embedding"): change them only compatibly.
import type { Filters } from '../../shared/analytics/filters.ts';
import type { WidgetTag } from '../../shared/widgets.ts';
import { tokenExpiringEvent, type TokenExpiringDetail } from './token-expiry.ts';

export interface OpsReadyDetail {
  widget: WidgetTag;
}

export interface OpsErrorDetail {
  widget: WidgetTag;
  /** What failed: reaching the server, a data request, or an attribute value. */
  kind: 'connection' | 'request' | 'attribute';
  message: string;
}

export interface OpsFilterChangeDetail {
  widget: WidgetTag;
  scope: string;
  filters: Filters;
}

export interface OpsDrillDetail {
  widget: WidgetTag;
  /** The clicked segment as a filter: the widget's effective filters narrowed to the segment. */
  filters: Filters;
  /** What was clicked, for people ("Priority: high", "March 2025"). */
  label: string;
  /** Extra narrowing the shared filter model has no key for (e.g. open vs closed). */
  status?: 'open' | 'closed';
}

export interface OpsEventMap {
  'ops-ready': OpsReadyDetail;
  'ops-error': OpsErrorDetail;
  'ops-filterchange': OpsFilterChangeDetail;
  'ops-drill': OpsDrillDetail;
  [tokenExpiringEvent]: TokenExpiringDetail;
}

export type OpsEventName = keyof OpsEventMap;

export function hostOf(container: ShadowRoot | HTMLElement): HTMLElement {
  return container instanceof ShadowRoot ? (container.host as HTMLElement) : container;
}

export function emit<N extends OpsEventName>(target: EventTarget, name: N, detail: OpsEventMap[N]): void {
  target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

declare global {
  interface HTMLElementEventMap {
    'ops-ready': CustomEvent<OpsReadyDetail>;
    'ops-error': CustomEvent<OpsErrorDetail>;
    'ops-filterchange': CustomEvent<OpsFilterChangeDetail>;
    'ops-drill': CustomEvent<OpsDrillDetail>;
    'ops-token-expiring': CustomEvent<TokenExpiringDetail>;
  }
}
