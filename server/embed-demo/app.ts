// The embed demos' backend, on an origin of its own (EMBED_DEMO_PORT), standing in for other
// companies' sites: /embed-demo, an internal tool with one chart, and /portal-demo, a company website
// whose help center is the client portal. Each holds the demo's API key and mints embed tokens for
// its visitor, so the browser never has a cookie for us.
import { Hono } from 'hono';
import type { Config } from '../../config/env.ts';
import { widgetCsp } from './csp.ts';
import { embedDemoRoutes } from './embed-demo-routes.ts';
import { opsApi } from './ops-api.ts';
import { portalDemoRoutes } from './portal-demo-routes.ts';

export function embedDemoApp(config: Config): Hono {
  const api = opsApi(config);
  const csp = widgetCsp({ api: config.urls.api, zero: config.urls.zero });
  return new Hono()
    .get('/', (c) => c.redirect('/embed-demo'))
    .route('/embed-demo', embedDemoRoutes(config, api, csp))
    .route('/portal-demo', portalDemoRoutes(config, api, csp));
}
