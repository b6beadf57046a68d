// What every widget waits for before it can ask for data: the API's configuration and the viewer.
// Asked as soon as the page has the element (early.ts, then define-widget's connect). WidgetRoot
// renders at once with answers already in (startedWidget), else asks again and finds them in
// flight. No React or Zero here: the early entry runs this while they are still loading.
import type { WidgetTag } from '../../shared/widgets.ts';
import { apiUrlOf, resolveEndpoints, resolvedEndpoints, type Endpoints } from './endpoints.ts';
import { openedSession, openSession, type Session } from './session.ts';

/** The element attributes a start depends on. */
export interface StartAttributes {
  apiUrl?: string | undefined;
  zeroUrl?: string | undefined;
  token?: string | undefined;
}

export interface Started {
  endpoints: Endpoints;
  session: Session;
}

/** The widget's endpoints and viewer, asked at once: the session needs only the API URL, not the config. */
export async function startWidget(widget: WidgetTag, attrs: StartAttributes): Promise<Started> {
  const apiUrl = apiUrlOf(attrs.apiUrl);
  const [endpoints, session] = await Promise.all([
    resolveEndpoints({ apiUrl, zeroUrl: attrs.zeroUrl }),
    openSession({ apiUrl, widget, token: attrs.token }),
  ]);
  return { endpoints, session };
}

/**
 * What startWidget would answer, when both parts are already in (the early entry or the element's
 * connection asked): the widget then renders its content in its first render, without a skeleton
 * frame and an effect in between.
 */
export function startedWidget(widget: WidgetTag, attrs: StartAttributes): Started | undefined {
  const apiUrl = apiUrlOf(attrs.apiUrl);
  const endpoints = resolvedEndpoints({ apiUrl, zeroUrl: attrs.zeroUrl });
  const session = endpoints && openedSession({ apiUrl, widget, token: attrs.token });
  return endpoints && session && { endpoints, session };
}

/**
 * startWidget from the element's attributes, for WidgetRoot to find in flight or settled. Nothing
 * for an element with an embed token: that answer depends on the widget, and WidgetRoot asks for it
 * with the token it renders. Failures show when WidgetRoot asks again.
 */
export function startFromElement(widget: WidgetTag, element: HTMLElement): void {
  if (element.getAttribute('token')) return;
  const attrs = { apiUrl: element.getAttribute('api-url') ?? undefined, zeroUrl: element.getAttribute('zero-url') ?? undefined };
  startWidget(widget, attrs).catch(() => {});
}
