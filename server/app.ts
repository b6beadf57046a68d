// The Hono application: every HTTP route of the API, without a listening socket (tests mount it).
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { timing } from 'hono/timing';
import type { ClientErrorStatusCode } from 'hono/utils/http-status';
import { required, type Config } from '../config/env.ts';
import { changeVersionHeader } from '../shared/analytics/api.ts';
import { widgetHeader } from '../shared/widgets.ts';
import { createAuth } from './auth/better-auth.ts';
import { embedTokens } from './auth/embed-tokens.ts';
import { createIdentify } from './auth/identity.ts';
import { createMailer } from './auth/mailer.ts';
import type { Database } from './database.ts';
import { invalidJson, refuse } from './http.ts';
import { adminUserRoutes } from './routes/admin-users.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { authRoutes } from './routes/auth.ts';
import { embedRoutes } from './routes/embed.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { widgetRoutes } from './routes/widgets.ts';
import { zeroRoutes } from './routes/zero.ts';

export function createApp(config: Config, db: Database) {
  const auth = createAuth(config, db, createMailer(config));
  const tokens = embedTokens(required(config.secrets.embedToken, 'EMBED_TOKEN_SECRET'), config.urls.api);
  const identify = createIdentify(auth, db, tokens);

  const app = new Hono();
  app.route('/', healthRoutes(config, db));
  app.route('/widgets', widgetRoutes(config));
  // Browsers may call the API only from the host and the configured embedding origins.
  const callers = [config.urls.host, ...config.allowedOrigins];
  app.use(
    '/api/*',
    cors({
      origin: callers,
      credentials: true,
      allowHeaders: ['Content-Type', 'Authorization', widgetHeader],
      exposeHeaders: [changeVersionHeader],
      maxAge: 600,
    }),
  );
  // How long the API took, readable by the pages that may call it, so a browser's resource timing
  // (and bench:ux) can tell the server's time from the network's.
  const readableBy = (origin: string | undefined) => (origin !== undefined && callers.includes(origin) ? origin : false);
  app.use('/api/*', timing({ totalDescription: 'API', crossOrigin: (c) => readableBy(c.req.header('origin')) }));
  app.get('/api/config', (c) => c.json({ zeroUrl: config.urls.zero, reportTimezone: config.reportTimezone }));
  app.route('/api/auth', authRoutes(auth));
  app.route('/api/embed', embedRoutes(config, db, identify, tokens));
  app.route('/api/zero', zeroRoutes(db, identify));
  // Routes widgets call through Hono's typed client (their types are exported as ApiRoutes).
  const typed = new Hono()
    .route('/api/me', meRoutes(identify, db.withRls))
    .route('/api/analytics', analyticsRoutes(identify, db.withRls))
    .route('/api/admin/users', adminUserRoutes(auth, db, identify, config.urls.host));
  app.route('/', typed);

  app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own refusals, e.g. its JSON validator on a malformed body, in the API's problem shape.
      return /json/i.test(err.message) ? invalidJson(c) : refuse(c, err.status as ClientErrorStatusCode, 'bad_request', err.message);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return c.json({ error: 'internal_error', message: 'The server failed to handle this request.' }, 500);
  });
  return { app, typed };
}

export type App = ReturnType<typeof createApp>['app'];
export type ApiRoutes = ReturnType<typeof createApp>['typed'];
