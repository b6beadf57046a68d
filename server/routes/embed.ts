// POST /api/embed/tokens: mints an embed token. Callers: the backend of an embedding site with an
// API key (X-Api-Key), naming its visitor by email; or a signed-in staff user for themselves (an
// admin for anyone). Tokens may only name origins this deployment allows (CORS) and known widgets.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Config } from '../../config/env.ts';
import { isStaffRole } from '../../shared/auth/roles.ts';
import { widgetTags } from '../../shared/widgets.ts';
import { maxEmbedTokenSeconds, type EmbedTokens } from '../auth/embed-tokens.ts';
import type { Identify } from '../auth/identity.ts';
import type { Database } from '../database.ts';
import { parseBody, refuse } from '../http.ts';

const mintRequest = z.object({
  email: z.email('email must be an email address').optional(),
  widgets: z.array(z.enum(widgetTags, { error: `must be one of ${widgetTags.join(', ')}` })).min(1, 'name at least one widget'),
  origins: z
    .array(z.url('must be an origin such as https://example.com').refine((o) => new URL(o).origin === o, 'must be an origin only (scheme, host, port), no path'))
    .min(1, 'name at least one origin'),
  ttlSeconds: z.number().int().min(60).max(maxEmbedTokenSeconds).default(600),
});

/** The 201 body: what an embedding site's backend reads back (server/embed-demo uses it too). */
export const mintedToken = z.object({ token: z.string(), expiresAt: z.iso.datetime(), userId: z.string() });
export type MintedToken = z.infer<typeof mintedToken>;

function apiKeyMatches(given: string, keys: string[]): boolean {
  const a = Buffer.from(given);
  return keys.some((key) => {
    const b = Buffer.from(key);
    return a.length === b.length && timingSafeEqual(a, b);
  });
}

export function embedRoutes(config: Config, db: Database, identify: Identify, tokens: EmbedTokens) {
  const allowedOrigins = new Set([config.urls.host, ...config.allowedOrigins]);

  return new Hono().post('/tokens', async (c) => {
    const apiKey = c.req.header('x-api-key');
    let callerUserId: string | null = null;
    let callerIsAdmin = false;
    if (apiKey !== undefined) {
      if (!apiKeyMatches(apiKey, config.embedApiKeys)) return refuse(c, 401, 'invalid_api_key', 'The API key is not valid.');
    } else {
      const who = await identify(c.req.raw, { fresh: true });
      if (who.kind === 'refused') return refuse(c, who.status, who.code, who.message);
      if (who.embed) return refuse(c, 403, 'forbidden', 'Embed tokens cannot mint embed tokens.');
      if (!isStaffRole(who.auth.role)) return refuse(c, 403, 'forbidden', 'Only staff may mint embed tokens.');
      callerUserId = who.auth.userId;
      callerIsAdmin = who.auth.role === 'admin';
    }

    const parsed = await parseBody(c, mintRequest);
    if (!parsed.ok) return parsed.response;
    const body = parsed.value;
    const unknownOrigins = body.origins.filter((o) => !allowedOrigins.has(o));
    if (unknownOrigins.length > 0) {
      return refuse(c, 400, 'invalid_request', 'Embed tokens may only name allowed origins (ALLOWED_ORIGINS).', {
        origins: `not allowed: ${unknownOrigins.join(', ')}`,
      });
    }

    let userId: string;
    if (body.email === undefined) {
      if (callerUserId === null) {
        return refuse(c, 400, 'invalid_request', 'Name the user the token is for.', { email: 'required with an API key' });
      }
      userId = callerUserId;
    } else {
      const [user] = await db.auth<{ id: string; status: string }[]>`
        select id, status from users where lower(email) = lower(${body.email})`;
      if (callerUserId !== null && !callerIsAdmin && user?.id !== callerUserId) {
        return refuse(c, 403, 'forbidden', 'Staff may mint embed tokens only for themselves.');
      }
      if (!user || user.status !== 'active') {
        return refuse(c, 404, 'user_not_found', 'There is no active user with this email.');
      }
      userId = user.id;
    }

    const { token, expiresAt } = await tokens.mint({ userId, widgets: body.widgets, origins: body.origins }, body.ttlSeconds);
    return c.json({ token, expiresAt: expiresAt.toISOString(), userId } satisfies MintedToken, 201);
  });
}
