// What every widget waits for before it can ask for data — the API's configuration, the viewer, the
// page's Zero instance — started when the element connects instead of after React's first render
// and effects. On a busy page load that is where the time goes: the main thread is still evaluating
// scripts, and the requests can travel meanwhile. WidgetRoot then finds the answers in flight or
// just settled (openSession) and Zero already opening its local store.
import type { WidgetTag } from '../../shared/widgets.ts';
import { apiUrlOf, resolveEndpoints } from './endpoints.ts';
import { openSession } from './session.ts';
import { pageZero } from './zero.ts';

export function startEarly(widget: WidgetTag, element: HTMLElement): void {
  // An embed token's answer depends on the widget; WidgetRoot asks for it with the token it renders.
  if (element.getAttribute('token')) return;
  const apiUrl = apiUrlOf(element.getAttribute('api-url') ?? undefined);
  const zeroUrl = element.getAttribute('zero-url') ?? undefined;
  Promise.all([resolveEndpoints({ apiUrl, zeroUrl }), openSession({ apiUrl, widget })]).then(
    ([endpoints, session]) => {
      if (session.kind === 'signed-in') pageZero(endpoints.zeroUrl, session.me, undefined);
    },
    // WidgetRoot asks again and shows what went wrong.
    () => {},
  );
}
