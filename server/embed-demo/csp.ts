// The Content-Security-Policy an embedding page needs for our widgets, and nothing more: the
// widget scripts and the API from the API's origin, zero-cache over HTTP and WebSocket. Styles
// need no 'unsafe-inline': widgets adopt constructed stylesheets and React sets style properties
// through the CSSOM, neither of which style-src governs. The demo serves it, and the README quotes it.
export interface WidgetOrigins {
  api: string;
  zero: string;
}

function webSocketOrigin(httpOrigin: string): string {
  const url = new URL(httpOrigin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.origin;
}

export function widgetCsp({ api, zero }: WidgetOrigins): string {
  const apiOrigin = new URL(api).origin;
  const zeroOrigin = new URL(zero).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${apiOrigin}`,
    `connect-src 'self' ${apiOrigin} ${zeroOrigin} ${webSocketOrigin(zeroOrigin)}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
