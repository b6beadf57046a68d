// Better Auth's endpoints under /api/auth/*. Two things are added on the way in: the client's IP
// from the socket (forwarded headers are client-controlled, and the rate limiter keys on the IP),
// and a fixed minimum duration for the password endpoints, so that timing does not tell whether an
// email has an account.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Auth } from '../auth/better-auth.ts';

const paddedPaths = new Set(['/api/auth/request-password-reset', '/api/auth/reset-password']);
const paddedMs = 400;

export function authRoutes(auth: Auth): Hono {
  const app = new Hono();
  app.on(['GET', 'POST'], '/*', async (c) => {
    const started = performance.now();
    const headers = new Headers(c.req.raw.headers);
    headers.set('x-client-ip', getConnInfo(c).remote.address ?? 'unknown');
    const response = await auth.handler(new Request(c.req.raw, { headers }));
    if (paddedPaths.has(c.req.path)) {
      await sleep(Math.max(0, paddedMs - (performance.now() - started)));
    }
    return response;
  });
  return app;
}
