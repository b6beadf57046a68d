// Serves the widget bundle (dist/widgets) to any origin: embedding pages load it cross-origin as
// module scripts, which browsers fetch in CORS mode. Entry files keep stable names and must be
// revalidated; chunks carry a content hash and are cached for good.
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Config } from '../../config/env.ts';
import { widgetBundleDir } from '../../shared/widget-bundle.ts';

export function widgetRoutes(config: Config): Hono {
  const app = new Hono();
  const root = path.relative(process.cwd(), widgetBundleDir(config.projectRoot));
  app.use('*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    const hashed = c.req.path.includes('/chunks/');
    c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  app.use('*', serveStatic({ root, rewriteRequestPath: (p) => p.replace(/^\/widgets/, '') }));
  return app;
}
