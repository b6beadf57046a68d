// Where a widget finds the API and zero-cache. Attributes win; otherwise the API is the server the
// bundle was loaded from (it serves /widgets/*) and it tells us the public zero-cache URL.

export interface Endpoints {
  apiUrl: string;
  zeroUrl: string;
}

/** The API base URL the bundle was served from: everything before `/widgets/` in a module URL. */
export function apiUrlFromModule(moduleUrl: string): string {
  const at = moduleUrl.lastIndexOf('/widgets/');
  return at < 0 ? new URL(moduleUrl).origin : moduleUrl.slice(0, at);
}

const configRequests = new Map<string, Promise<string>>();

async function fetchZeroUrl(apiUrl: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/config`, { credentials: 'omit' });
  if (!res.ok) throw new Error(`The API at ${apiUrl} did not return its configuration (HTTP ${res.status}).`);
  const body = (await res.json()) as { zeroUrl?: unknown };
  if (typeof body.zeroUrl !== 'string') throw new Error(`The API at ${apiUrl} sent no zeroUrl.`);
  return body.zeroUrl;
}

export async function resolveEndpoints(attrs: { apiUrl?: string; zeroUrl?: string }): Promise<Endpoints> {
  const apiUrl = (attrs.apiUrl || apiUrlFromModule(import.meta.url)).replace(/\/+$/, '');
  if (attrs.zeroUrl) return { apiUrl, zeroUrl: attrs.zeroUrl.replace(/\/+$/, '') };
  let request = configRequests.get(apiUrl);
  if (!request) {
    request = fetchZeroUrl(apiUrl);
    configRequests.set(apiUrl, request);
    request.catch(() => configRequests.delete(apiUrl));
  }
  return { apiUrl, zeroUrl: await request };
}
