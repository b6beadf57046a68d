// The early entry: a few kilobytes a page runs before its widget entries. It finds the page's widget
// elements (not yet defined) and sends what they will wait for — /api/config, /api/me and each
// widget's first analytics (widgets/asks.ts) — while the browser is still downloading and evaluating
// React, Zero and the chart library. The widgets then find those answers in or on their way
// (ask-ahead.ts, start-widget.ts). It must not import React, Zero or recharts: the build refuses
// an early entry that does (vite.config.ts).
import './runtime/strict-csp.ts';
import { widgetTags } from '../shared/widgets.ts';
import { widgetAsks } from './asks.ts';
import { flushBatches } from './runtime/analytics-requests.ts';
import { connectAsker } from './runtime/ask-ahead.ts';
import { startFromElement } from './runtime/start-widget.ts';

function startPresent(): void {
  for (const tag of widgetTags) {
    for (const element of document.querySelectorAll<HTMLElement>(tag)) {
      // An element already defined started itself when it connected.
      if (customElements.get(tag)) continue;
      connectAsker(element, tag, widgetAsks[tag]);
      startFromElement(tag, element);
    }
  }
  // Every element found has asked: its batch leaves now, not after the tasks of the other scripts.
  flushBatches();
}

startPresent();
// A module script may run while the document is still parsing: the rest of the elements as the
// parser adds them, not at DOMContentLoaded (which waits for every deferred script).
if (document.readyState === 'loading') {
  const parsing = new MutationObserver(startPresent);
  parsing.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => parsing.disconnect(), { once: true });
}
