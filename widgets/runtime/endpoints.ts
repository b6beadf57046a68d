// Where a widget finds the API and zero-cache. Attributes win; otherwise the API is the server the
// bundle was loaded from (it serves /widgets/*) and it tells us the public zero-cache URL and the
// time zone report days are counted in (ticket lists filter by day in the browser too).
import { settling, type Settling } from './settling.ts';

export interface Endpoints {
  apiUrl: string;
  zeroUrl: string;
  /** The IANA time zone report days are counted in (REPORT_TIMEZONE on the server). */
  reportTimezone: string;
}

interface ApiConfig {
  zeroUrl: string;
  reportTimezone: string;
}

/** The API base URL the bundle was served from: everything before `/widgets/` in a module URL. */
export function apiUrlFromModule(moduleUrl: string): string {
  const at = moduleUrl.lastIndexOf('/widgets/');
  return at < 0 ? new URL(moduleUrl).origin : moduleUrl.slice(0, at);
}

const configs = new Map<string, Settling<ApiConfig>>();

async function fetchConfig(apiUrl: string): Promise<ApiConfig> {
  const res = await fetch(`${apiUrl}/api/config`, { credentials: 'omit' });
  if (!res.ok) throw new Error(`The API at ${apiUrl} did not return its configuration (HTTP ${res.status}).`);
  const body = (await res.json()) as { zeroUrl?: unknown; reportTimezone?: unknown };
  if (typeof body.zeroUrl !== 'string') throw new Error(`The API at ${apiUrl} sent no zeroUrl.`);
  if (typeof body.reportTimezone !== 'string') throw new Error(`The API at ${apiUrl} sent no reportTimezone.`);
  return { zeroUrl: body.zeroUrl, reportTimezone: body.reportTimezone };
}

/** The `api-url` attribute, or else the server this bundle was loaded from. */
export function apiUrlOf(attribute: string | undefined): string {
  return (attribute || apiUrlFromModule(import.meta.url)).replace(/\/+$/, '');
}

function endpointsWith(apiUrl: string, zeroUrl: string | undefined, config: ApiConfig): Endpoints {
  return { apiUrl, zeroUrl: zeroUrl ? zeroUrl.replace(/\/+$/, '') : config.zeroUrl, reportTimezone: config.reportTimezone };
}

export async function resolveEndpoints(attrs: { apiUrl?: string; zeroUrl?: string }): Promise<Endpoints> {
  const apiUrl = apiUrlOf(attrs.apiUrl);
  let config = configs.get(apiUrl);
  if (!config) {
    config = settling(fetchConfig(apiUrl), () => configs.delete(apiUrl));
    configs.set(apiUrl, config);
  }
  return endpointsWith(apiUrl, attrs.zeroUrl, await config.answer);
}

/** What resolveEndpoints would answer, when the API's configuration is already in. */
export function resolvedEndpoints(attrs: { apiUrl?: string; zeroUrl?: string }): Endpoints | undefined {
  const apiUrl = apiUrlOf(attrs.apiUrl);
  const config = configs.get(apiUrl)?.settled;
  return config && endpointsWith(apiUrl, attrs.zeroUrl, config.value);
}
