// /embed-demo: a stand-in for another company's internal tool, on an origin of its own. Its page is
// plain HTML with one chart; its backend holds an API key and mints embed tokens for its visitor, so
// the browser never has a cookie for us. A real tool would first check its own user's session and
// name that user; the demo names the demo admin.
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { required, type Config } from '../../config/env.ts';
import { demoAdminEmail } from '../../database/seed/demo-accounts.ts';
import type { WidgetTag } from '../../shared/widgets.ts';
import { mintedToken } from '../routes/embed.ts';
import { widgetCsp } from './csp.ts';
import { demoPage } from './page.ts';

export const demoWidget: WidgetTag = 'ops-tickets-over-time';
const tokenSeconds = 600;

const staticDir = path.join(import.meta.dirname, 'static');
const staticTypes: Record<string, string> = {
  'demo.js': 'text/javascript; charset=utf-8',
  'demo.css': 'text/css; charset=utf-8',
};

export function embedDemoApp(config: Config): Hono {
  const apiKey = required(config.embedDemoApiKey, 'EMBED_DEMO_API_KEY');
  const csp = widgetCsp({ api: config.urls.api, zero: config.urls.zero });
  // Read once at start-up; the demo's files do not change while it runs.
  const staticFiles = new Map(
    Object.entries(staticTypes).map(([name, type]) => [name, { type, body: fs.readFileSync(path.join(staticDir, name), 'utf8') }]),
  );
  const app = new Hono();

  app.get('/', (c) => c.redirect('/embed-demo'));
  app.get('/embed-demo', (c) => {
    c.header('Content-Security-Policy', csp);
    c.header('Cache-Control', 'no-cache');
    return c.html(demoPage({ apiUrl: config.urls.api, zeroUrl: config.urls.zero, widget: demoWidget }));
  });
  app.get('/embed-demo/:file', (c) => {
    const file = staticFiles.get(c.req.param('file'));
    if (!file) return c.notFound();
    c.header('Content-Type', file.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(file.body);
  });

  app.post('/embed-demo/token', async (c) => {
    const res = await fetch(`${config.urls.apiInternal}/api/embed/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ email: demoAdminEmail, widgets: [demoWidget], origins: [config.urls.embedDemo], ttlSeconds: tokenSeconds }),
    });
    c.header('Cache-Control', 'no-store');
    if (res.status !== 201) {
      console.error(`embed demo: the API refused a token: ${res.status} ${await res.text()}`);
      return c.json({ error: 'token_unavailable', message: `The analytics API refused a token (HTTP ${res.status}).` }, 502);
    }
    const { token, expiresAt } = mintedToken.parse(await res.json());
    return c.json({ token, expiresAt });
  });
  return app;
}
