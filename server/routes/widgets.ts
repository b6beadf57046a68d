// Serves the widget bundle (dist/widgets) to any origin: embedding pages load it cross-origin as
// module scripts, which browsers fetch in CORS mode. Entry files keep stable names and must be
// revalidated, unless asked for with their current content version (`?v=`, as the host does);
// chunks carry a content hash and are cached for good. Their timing is readable by every page
// (Timing-Allow-Origin), so an embedding page's monitoring sees sizes and phases, not zeros.
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Config } from '../../config/env.ts';
import { fileVersion, widgetBundleDir } from '../../shared/widget-bundle.ts';

export function widgetRoutes(config: Config): Hono {
  const app = new Hono();
  const bundleDir = widgetBundleDir(config.projectRoot);
  const root = path.relative(process.cwd(), bundleDir);
  const file = (requestPath: string) => requestPath.replace(/^\/widgets\//, '');
  app.use('*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Timing-Allow-Origin', '*');
    const version = c.req.query('v');
    const hashed = c.req.path.includes('/chunks/') || (version !== undefined && c.res.ok && version === fileVersion(bundleDir, file(c.req.path)));
    c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  // The build writes .br and .gz beside each script (vite.config.ts); served by Accept-Encoding.
  app.use('*', serveStatic({ root, precompressed: true, rewriteRequestPath: (p) => `/${file(p)}` }));
  return app;
}
