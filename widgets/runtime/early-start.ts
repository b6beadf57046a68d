// What every widget waits for before it can ask for data: the API's configuration and the viewer
// (startWidget), and the page's Zero instance. startEarly begins them when the element connects
// instead of after React's first render and effects: on a busy page load the main thread is still
// evaluating scripts, and the requests can travel meanwhile. WidgetRoot then calls startWidget too
// and finds the answers in flight or just settled (openSession), and Zero already opening its store.
import type { WidgetTag } from '../../shared/widgets.ts';
import { apiUrlOf, resolveEndpoints, type Endpoints } from './endpoints.ts';
import { openSession, type Session } from './session.ts';
import { pageZero } from './zero.ts';

export interface Started {
  endpoints: Endpoints;
  session: Session;
}

/** The widget's endpoints and viewer, asked at once: the session needs only the API URL, not the config. */
export async function startWidget(widget: WidgetTag, attrs: { apiUrl?: string | undefined; zeroUrl?: string | undefined; token?: string | undefined }): Promise<Started> {
  const apiUrl = apiUrlOf(attrs.apiUrl);
  const [endpoints, session] = await Promise.all([
    resolveEndpoints({ apiUrl, zeroUrl: attrs.zeroUrl }),
    openSession({ apiUrl, widget, token: attrs.token }),
  ]);
  return { endpoints, session };
}

export function startEarly(widget: WidgetTag, element: HTMLElement): void {
  const apiUrl = element.getAttribute('api-url') ?? undefined;
  // An embed token's answer depends on the widget; WidgetRoot asks for it with the token it renders.
  if (element.getAttribute('token')) return;
  const attrs = { apiUrl, zeroUrl: element.getAttribute('zero-url') ?? undefined };
  startWidget(widget, attrs).then(
    ({ endpoints, session }) => {
      if (session.kind === 'signed-in') pageZero(endpoints.zeroUrl, session.me, undefined);
    },
    // WidgetRoot asks again and shows what went wrong.
    () => {},
  );
}
