// /embed-demo: a stand-in for another company's internal tool with one chart. A real tool would
// first check its own user's session and name that user; the demo names the demo admin.
import { Hono } from 'hono';
import type { Config } from '../../config/env.ts';
import { demoAdminEmail } from '../../database/seed/demo-accounts.ts';
import type { WidgetTag } from '../../shared/widgets.ts';
import { demoPage } from './embed-demo-page.ts';
import type { OpsApi } from './ops-api.ts';
import { staticFiles } from './static-files.ts';

const demoWidget: WidgetTag = 'ops-tickets-over-time';

export function embedDemoRoutes(config: Config, api: OpsApi, csp: string): Hono {
  return new Hono()
    .get('/', (c) => {
      c.header('Content-Security-Policy', csp);
      c.header('Cache-Control', 'no-cache');
      return c.html(demoPage({ apiUrl: config.urls.api, zeroUrl: config.urls.zero, widget: demoWidget }));
    })
    .get('/:file', staticFiles(['demo.js', 'demo.css']))
    .post('/token', async (c) => {
      c.header('Cache-Control', 'no-store');
      const minted = await api.mint(demoAdminEmail, demoWidget);
      if (!minted.ok) {
        return c.json({ error: 'token_unavailable', message: `The analytics API refused a token (HTTP ${minted.status}).` }, 502);
      }
      return c.json({ token: minted.token, expiresAt: minted.expiresAt });
    });
}
