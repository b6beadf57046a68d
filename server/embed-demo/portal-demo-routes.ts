// /portal-demo: "Acme Hosting", a company website whose help center is our client portal. The site
// signs its visitor in itself (its own first-party cookie) and its backend mints an embed token for
// that visitor; the browser never holds a cookie for our API or zero-cache.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../../config/env.ts';
import type { OpsApi } from './ops-api.ts';
import { portalPage, portalWidget, signInPage } from './portal-demo-page.ts';
import { signIn, type SignInOutcome } from './portal-sign-in.ts';
import { siteSessions } from './site-session.ts';
import { staticFiles } from './static-files.ts';

type Refusal = Extract<SignInOutcome, { ok: false }>['refusal'];

const refusals: Record<Refusal, { status: ContentfulStatusCode; message: string }> = {
  credentials: { status: 401, message: 'The email or password is not correct.' },
  staff: {
    status: 403,
    message: 'This is an OpsKings staff account. The help center is for Acme Hosting customers; staff work tickets in OpsKings itself.',
  },
  unavailable: { status: 502, message: 'The help desk cannot be reached right now. Please try again in a minute.' },
};

function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

export function portalDemoRoutes(config: Config, api: OpsApi, csp: string): Hono {
  const site = new URL(config.urls.embedDemo);
  const sessions = siteSessions({ path: '/portal-demo', secure: site.protocol === 'https:' });
  // The pages carry the visitor's email: never stored by a cache.
  const page = (c: Context, html: string, status: ContentfulStatusCode = 200) => {
    c.header('Content-Security-Policy', csp);
    c.header('Cache-Control', 'no-store');
    return c.html(html, status);
  };

  return (
    new Hono()
      // Forms and fetches that change the session come from the site's own pages only.
      .use(csrf({ origin: site.origin }))
      .get('/', async (c) => {
        const email = await sessions.visitor(c);
        return page(c, email ? portalPage({ email, apiUrl: config.urls.api, zeroUrl: config.urls.zero }) : signInPage());
      })
      .get('/:file', staticFiles(['portal.js', 'portal.css']))
      .post('/sign-in', async (c) => {
        const form = await c.req.parseBody();
        const email = formText(form, 'email');
        const outcome = await signIn(api, portalWidget, config.demoPassword, { email, password: formText(form, 'password') });
        if (!outcome.ok) {
          const { status, message } = refusals[outcome.refusal];
          return page(c, signInPage({ error: message, email }), status);
        }
        await sessions.start(c, outcome.email);
        return c.redirect('/portal-demo', 303);
      })
      .post('/sign-out', (c) => {
        sessions.end(c);
        return c.redirect('/portal-demo', 303);
      })
      .post('/token', async (c) => {
        c.header('Cache-Control', 'no-store');
        const email = await sessions.visitor(c);
        if (!email) return c.json({ error: 'signed_out', message: 'Sign in to the help center first.' }, 401);
        const minted = await api.mint(email, portalWidget);
        if (minted.ok) return c.json({ token: minted.token, expiresAt: minted.expiresAt });
        if (minted.unknownUser) {
          // The account went away (disabled) since sign-in: so does the site's session.
          sessions.end(c);
          return c.json({ error: 'signed_out', message: 'Your account is no longer active.' }, 401);
        }
        return c.json({ error: 'token_unavailable', message: `The help desk refused a token (HTTP ${minted.status}).` }, 502);
      })
  );
}
