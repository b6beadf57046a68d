// The Hono application: every HTTP route of the API, without a listening socket (tests mount it).
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../config/env.ts';
import type { Database } from './database.ts';
import { healthRoutes } from './routes/health.ts';
import { widgetRoutes } from './routes/widgets.ts';
import { zeroRoutes } from './routes/zero.ts';

export function createApp(config: Config, db: Database) {
  const app = new Hono();
  const origins = [config.urls.host, ...config.allowedOrigins];

  app.route('/', healthRoutes(config, db));
  app.route('/widgets', widgetRoutes(config));
  app.use('/api/*', cors({ origin: origins, credentials: true }));
  app.get('/api/config', (c) => c.json({ zeroUrl: config.urls.zero }));
  app.route('/api/zero', zeroRoutes(db));

  app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return c.json({ error: 'internal_error', message: 'The server failed to handle this request.' }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
