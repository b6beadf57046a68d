// The demo site's backend calling our API with its key, as a real embedding site's backend would:
// mint an embed token for a user it has signed in, and ask the API whom a token stands for. It
// never reads our database; the API decides who exists and what they are.
import { z } from 'zod';
import { required, type Config } from '../../config/env.ts';
import { userRoles, type UserRole } from '../../shared/auth/roles.ts';
import { widgetHeader, type WidgetTag } from '../../shared/widgets.ts';
import { mintedToken } from '../routes/embed.ts';

const tokenSeconds = 600;

export type Mint =
  | { ok: true; token: string; expiresAt: string }
  /** `unknownUser`: the API has no active user with this email; anything else is the API failing. */
  | { ok: false; unknownUser: boolean; status: number };

const meBody = z.object({ role: z.enum(userRoles) });

export interface OpsApi {
  mint(email: string, widget: WidgetTag): Promise<Mint>;
  /** The role of the token's user, asked the way the widget asks (its origin and widget header). */
  roleOf(token: string, widget: WidgetTag): Promise<UserRole>;
}

export function opsApi(config: Config): OpsApi {
  const apiKey = required(config.embedDemoApiKey, 'EMBED_DEMO_API_KEY');
  const origin = config.urls.embedDemo;
  return {
    async mint(email, widget) {
      const res = await fetch(`${config.urls.apiInternal}/api/embed/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ email, widgets: [widget], origins: [origin], ttlSeconds: tokenSeconds }),
      });
      if (res.status !== 201) {
        const body = await res.text();
        if (res.status !== 404) console.error(`embed demo: the API refused a token: ${res.status} ${body}`);
        return { ok: false, unknownUser: res.status === 404, status: res.status };
      }
      const { token, expiresAt } = mintedToken.parse(await res.json());
      return { ok: true, token, expiresAt };
    },

    async roleOf(token, widget) {
      const res = await fetch(`${config.urls.apiInternal}/api/me`, {
        headers: { authorization: `Bearer ${token}`, [widgetHeader]: widget, origin },
      });
      if (res.status !== 200) throw new Error(`embed demo: /api/me answered ${res.status} ${await res.text()}`);
      return meBody.parse(await res.json()).role;
    },
  };
}
