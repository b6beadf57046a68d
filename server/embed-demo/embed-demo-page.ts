// The embed demo's page: plain HTML, as another company's tool would write it. Everything the
// widget needs is an element with attributes; demo.js fetches a token and loads the widget entry.
import type { WidgetTag } from '../../shared/widgets.ts';
import { escapeHtml, htmlDocument, widgetScriptUrl } from './html.ts';

export interface DemoPageOptions {
  apiUrl: string;
  zeroUrl: string;
  widget: WidgetTag;
}

export function demoPage({ apiUrl, zeroUrl, widget }: DemoPageOptions): string {
  const api = escapeHtml(apiUrl);
  const script = widgetScriptUrl(apiUrl, widget);
  const body = `  <header class="bar">
    <span class="brand">Northwind Ops</span>
    <span class="crumb">Reports / Support volume</span>
    <label class="theme">Theme
      <select id="theme">
        <option value="auto">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  </header>
  <main class="layout">
    <section class="panel" aria-labelledby="chart-title">
      <h1 id="chart-title">Tickets created and resolved</h1>
      <p class="lede">An OpsKings chart embedded from <code>${api}</code> with an embed token and no cookies,
        in this page's colours and font (CSS custom properties).</p>
      <${widget} id="widget" chart="bar" theme="auto" api-url="${api}" zero-url="${escapeHtml(zeroUrl)}" data-script="${escapeHtml(script)}"></${widget}>
    </section>
    <aside class="panel side" aria-label="Embedding details">
      <h2>Token</h2>
      <p id="token-state" role="status">Requesting a token…</p>
      <h2>Events</h2>
      <ol id="events" class="events" aria-live="polite"></ol>
    </aside>
  </main>`;
  return htmlDocument({
    title: 'Northwind Ops · Support volume (embed demo)',
    stylesheet: '/embed-demo/demo.css',
    script: '/embed-demo/demo.js',
    preload: script,
    body,
  });
}
