// Short-lived bearer tokens for widgets embedded on other origins, where cookies do not flow. A
// token names one user, the widgets it may drive and the origins it may be used from. It grants
// nothing by itself: each request still loads the user (so disabling takes effect at once) and is
// checked against the widget and origin scope.
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { isWidgetTag, type WidgetTag } from '../../shared/widgets.ts';

export const embedTokenAudience = 'opskings-embed';
export const maxEmbedTokenSeconds = 15 * 60;

export interface EmbedScope {
  userId: string;
  widgets: WidgetTag[];
  origins: string[];
  expiresAt: Date;
}

export class EmbedTokenError extends Error {}

export interface EmbedTokens {
  mint: (scope: Omit<EmbedScope, 'expiresAt'>, ttlSeconds: number) => Promise<{ token: string; expiresAt: Date }>;
  verify: (token: string) => Promise<EmbedScope>;
}

export function embedTokens(secret: string, issuer: string): EmbedTokens {
  const key = new TextEncoder().encode(secret);
  return {
    async mint(scope, ttlSeconds) {
      const seconds = Math.min(Math.max(Math.trunc(ttlSeconds), 1), maxEmbedTokenSeconds);
      const expiresAt = new Date(Date.now() + seconds * 1000);
      const token = await new SignJWT({ wid: scope.widgets, org: scope.origins })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(scope.userId)
        .setIssuer(issuer)
        .setAudience(embedTokenAudience)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .setJti(randomUUID())
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          audience: embedTokenAudience,
          algorithms: ['HS256'],
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        const widgets = Array.isArray(payload.wid) ? payload.wid.filter((w): w is string => typeof w === 'string') : [];
        const origins = Array.isArray(payload.org) ? payload.org.filter((o): o is string => typeof o === 'string') : [];
        if (!payload.sub || widgets.length === 0 || origins.length === 0 || !widgets.every(isWidgetTag)) {
          throw new EmbedTokenError('The embed token has no valid scope.');
        }
        return {
          userId: payload.sub,
          widgets: widgets.filter(isWidgetTag),
          origins,
          expiresAt: new Date((payload.exp ?? 0) * 1000),
        };
      } catch (err) {
        if (err instanceof EmbedTokenError) throw err;
        if (err instanceof errors.JWTExpired) throw new EmbedTokenError('The embed token has expired.');
        throw new EmbedTokenError('The embed token is invalid.');
      }
    },
  };
}
