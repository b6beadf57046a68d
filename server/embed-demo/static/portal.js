// Plain browser JavaScript, no build step: what the company's site writes. Its backend knows who is
// signed in and mints the embed token; this asks for one, hands it to the portal, loads the portal,
// and renews the token when the portal says it is about to expire.
const portal = document.getElementById('portal');
const state = document.getElementById('portal-state');

async function freshToken() {
  const res = await fetch('/portal-demo/token', { method: 'POST' });
  if (res.status === 401) {
    // The site's own session ended (signed out in another tab, or expired): back to its sign-in.
    window.location.assign('/portal-demo');
    throw new Error('you are signed out');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok || typeof body.token !== 'string') throw new Error(body.message ?? `HTTP ${res.status}`);
  return body.token;
}

portal.addEventListener('ops-token-expiring', async () => {
  try {
    portal.setAttribute('token', await freshToken());
  } catch (err) {
    state.textContent = `Your help center session could not be renewed: ${err.message}`;
  }
});

try {
  // The token first, then the portal: it never tries (and fails) a cookie session of ours.
  portal.setAttribute('token', await freshToken());
  await import(portal.dataset.script);
} catch (err) {
  state.textContent = `Your tickets could not be loaded: ${err.message}`;
}
