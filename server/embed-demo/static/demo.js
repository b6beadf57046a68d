// Plain browser JavaScript, no build step: what an embedding site writes. It asks its own backend
// for an embed token, hands it to the widget, loads the widget, and renews the token when told.
const widget = document.getElementById('widget');
const tokenState = document.getElementById('token-state');
const events = document.getElementById('events');
const theme = document.getElementById('theme');

function logEvent(text) {
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  item.append(time, ` ${text}`);
  events.prepend(item);
  while (events.children.length > 30) events.lastElementChild.remove();
}

async function freshToken() {
  const res = await fetch('/embed-demo/token', { method: 'POST' });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || typeof body.token !== 'string') throw new Error(body.message ?? `HTTP ${res.status}`);
  tokenState.textContent = `Valid until ${new Date(body.expiresAt).toLocaleTimeString()}`;
  return body.token;
}

const describe = {
  'ops-ready': () => 'ops-ready: first data shown',
  'ops-error': (d) => `ops-error (${d.kind}): ${d.message}`,
  'ops-drill': (d) => `ops-drill: ${d.label}`,
  'ops-token-expiring': (d) => `ops-token-expiring: expires ${new Date(d.expiresAt).toLocaleTimeString()}`,
};
for (const [name, text] of Object.entries(describe)) {
  widget.addEventListener(name, (event) => logEvent(text(event.detail)));
}

widget.addEventListener('ops-token-expiring', async () => {
  try {
    widget.setAttribute('token', await freshToken());
    logEvent('token renewed');
  } catch (err) {
    tokenState.textContent = `Could not renew the token: ${err.message}`;
  }
});

theme.addEventListener('change', () => {
  document.documentElement.dataset.theme = theme.value;
  widget.setAttribute('theme', theme.value);
});

try {
  // The token first, then the widget: it never tries (and fails) a cookie session.
  widget.setAttribute('token', await freshToken());
  await import(widget.dataset.script);
} catch (err) {
  tokenState.textContent = `Could not load the chart: ${err.message}`;
}
