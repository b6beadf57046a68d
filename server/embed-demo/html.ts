// What both demo pages are made of: plain HTML documents with their own stylesheet and script (the
// strict CSP allows no inline ones), and the URL of a widget's entry script on the API.
import type { WidgetTag } from '../../shared/widgets.ts';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** `<api>/widgets/<name>.js`, the entry that registers one element. */
export function widgetScriptUrl(apiUrl: string, widget: WidgetTag): string {
  return `${apiUrl}/widgets/${widget.replace(/^ops-/, '')}.js`;
}

export interface HtmlDocument {
  title: string;
  stylesheet: string;
  /** A module script of the page's own; absent on pages that need none. */
  script?: string;
  /** Fetched in parallel with the page's script, which imports it once it has a token. */
  preload?: string;
  /** Trusted markup: callers escape what they interpolate. */
  body: string;
}

export function htmlDocument({ title, stylesheet, script, preload, body }: HtmlDocument): string {
  const head = [
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">`,
    ...(preload ? [`<link rel="modulepreload" href="${escapeHtml(preload)}" crossorigin>`] : []),
    ...(script ? [`<script type="module" src="${escapeHtml(script)}"></script>`] : []),
  ];
  return `<!doctype html>
<html lang="en" data-theme="auto">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${head.join('\n  ')}
</head>
<body>
${body}
</body>
</html>
`;
}
