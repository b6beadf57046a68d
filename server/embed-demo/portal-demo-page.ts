// The portal demo's page: "Acme Hosting", a company whose help center is our client portal. Signed
// out, it is the company's own sign-in form; signed in, the portal element with attributes only,
// which portal.js hands a token from the company's backend.
import type { WidgetTag } from '../../shared/widgets.ts';
import { escapeHtml, htmlDocument, widgetScriptUrl } from './html.ts';

export const portalWidget: WidgetTag = 'ops-client-portal';

const title = 'Acme Hosting · Help center';
const stylesheet = '/portal-demo/portal.css';

function siteBar(account: string): string {
  return `<header class="site-bar">
  <a class="brand" href="/portal-demo">Acme Hosting</a>
  <span class="section">Help center</span>
  ${account}
</header>`;
}

export interface SignInPageOptions {
  /** Shown above the form after a refused attempt. */
  error?: string;
  /** What the visitor typed, kept after a refused attempt. */
  email?: string;
}

export function signInPage({ error, email }: SignInPageOptions = {}): string {
  const body = `${siteBar('')}
<main class="page narrow">
  <h1>Sign in to the help center</h1>
  <p class="lede">Use your Acme Hosting account. In this demo the accounts are the OpsKings demo clients
    (e.g. <code>contact@growthco.io</code>) with the demo password.</p>
  ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
  <form class="sign-in" method="post" action="/portal-demo/sign-in">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email ?? '')}">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</main>`;
  return htmlDocument({ title, stylesheet, body });
}

export interface PortalPageOptions {
  email: string;
  apiUrl: string;
  zeroUrl: string;
}

export function portalPage({ email, apiUrl, zeroUrl }: PortalPageOptions): string {
  const script = widgetScriptUrl(apiUrl, portalWidget);
  const account = `<div class="account">Signed in as <strong>${escapeHtml(email)}</strong> ·
    <form method="post" action="/portal-demo/sign-out"><button type="submit" class="link">Sign out</button></form>
  </div>`;
  const body = `${siteBar(account)}
<main class="page">
  <h1>Your support tickets</h1>
  <p class="lede">Our help desk runs on OpsKings. The portal below comes from <code>${escapeHtml(apiUrl)}</code>
    with an embed token this site's backend mints for you: no cookie of theirs, and yours stays on this site.</p>
  <p id="portal-state" class="state" role="status"></p>
  <${portalWidget} id="portal" theme="auto" api-url="${escapeHtml(apiUrl)}" zero-url="${escapeHtml(zeroUrl)}" data-script="${escapeHtml(script)}"></${portalWidget}>
</main>`;
  return htmlDocument({ title, stylesheet, script: '/portal-demo/portal.js', preload: script, body });
}
