// Requires a signed-in (or embed-token) identity for the routes it guards: 401 when there is none,
// 403 for a disabled account or a token used outside its origin or widget scope.
import { createMiddleware } from 'hono/factory';
import { endTime, startTime } from 'hono/timing';
import type { EmbedScope } from '../auth/embed-tokens.ts';
import type { Identify } from '../auth/identity.ts';
import type { AuthContext } from '../../shared/auth/roles.ts';
import { isWidgetTag, widgetHeader } from '../../shared/widgets.ts';
import { refuse } from '../http.ts';

export interface IdentityEnv {
  Variables: { identity: { auth: AuthContext; embed: EmbedScope | null } };
}

export function requireIdentity(identify: Identify, options: { fresh?: boolean } = {}) {
  return createMiddleware<IdentityEnv>(async (c, next) => {
    startTime(c, 'auth', 'identify the caller');
    const who = await identify(c.req.raw, options);
    endTime(c, 'auth');
    if (who.kind === 'refused') return refuse(c, who.status, who.code, who.message);
    if (who.embed) {
      const widget = c.req.header(widgetHeader) ?? '';
      if (!isWidgetTag(widget) || !who.embed.widgets.includes(widget)) {
        return refuse(c, 403, 'widget_not_allowed', `This embed token does not cover the widget "${widget}".`);
      }
    }
    c.set('identity', { auth: who.auth, embed: who.embed });
    // Without this the cookie cache, once expired, stays expired, and every request pays a
    // database session read.
    for (const cookie of who.renewedCookies) c.header('Set-Cookie', cookie, { append: true });
    await next();
  });
}
