// When an element connects, it starts what its widget will wait for (start-widget.ts) and opens the
// page's Zero instance once the viewer is known, instead of after React's first render and effects:
// on a busy page load the main thread is still evaluating scripts, and the requests travel meanwhile.
import type { WidgetTag } from '../../shared/widgets.ts';
import { startFromElement } from './start-widget.ts';
import { pageZero } from './zero.ts';

export function startEarly(widget: WidgetTag, element: HTMLElement): void {
  startFromElement(widget, element)?.then(
    ({ endpoints, session }) => {
      if (session.kind === 'signed-in') pageZero(endpoints.zeroUrl, session.me, undefined);
    },
    // WidgetRoot asks again and shows what went wrong.
    () => {},
  );
}
