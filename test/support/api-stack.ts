// A real API + zero-cache on a freshly seeded test database (demo accounts included), and ways to
// act as a chosen user: sign in over HTTP (Better Auth), call the API, sync through a Node Zero client.
import fs from 'node:fs';
import path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { loadConfig, type Config } from '../../config/env.ts';
import { withSecrets } from '../../config/secrets.ts';
import { useReportTimezone } from '../../database/analytics.ts';
import { enableLoginRoles, grantZeroBookkeeping } from '../../database/roles.ts';
import { seedDatabase } from '../../database/seed/index.ts';
import { Service } from '../../scripts/stack/service.ts';
import { apiSpec, zeroCacheSpec } from '../../scripts/stack/services.ts';
import type { AuthContext } from '../../shared/auth/roles.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { integrationConfig } from './test-stack.ts';
import { createTestZero, type TestZero } from './zero-client.ts';

export const testPassword = 'test-password-123';
/** An origin the test stacks allow for embedding (CORS and embed tokens). */
export const embedOrigin = 'http://embed.test:5000';
export const embedApiKey = 'test-embed-api-key-0123456789';

export interface SignedIn {
  email: string;
  /** Signed session token, usable as `Authorization: Bearer` and as a Zero client's auth. */
  token: string;
  /** The Set-Cookie session, as a Cookie header value. */
  cookie: string;
  me: AuthContext;
}

export interface ApiStack {
  config: Config;
  db: TestDatabase;
  /** fetch against the API, from a chosen loopback address (the rate limiter keys on it). */
  api: (path: string, init?: RequestInit & { from?: string }) => Promise<Response>;
  signIn: (email: string, password?: string) => Promise<SignedIn>;
  zeroFor: (user: SignedIn) => TestZero;
  stop: () => Promise<void>;
}

const agents = new Map<string, Agent>();
function agentFrom(address: string): Agent {
  let agent = agents.get(address);
  if (!agent) {
    agent = new Agent({ localAddress: address });
    agents.set(address, agent);
  }
  return agent;
}

let nextAddress = 10;
/** A loopback source address of its own for each sign-in, so tests never share a rate-limit bucket. */
function freshAddress(): string {
  nextAddress += 1;
  return `127.0.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 2}`;
}

export async function startApiStack(
  label: string,
  options: { tickets?: number; seed?: number; env?: Record<string, string>; zero?: boolean } = {},
): Promise<ApiStack> {
  const db = await createTestDatabase(label);
  await seedDatabase(db.sql, { tickets: options.tickets ?? 2000, seed: options.seed ?? 7, demoPassword: testPassword });
  const ports = integrationConfig();
  const config = withSecrets(
    loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      ZERO_CVR_DB: db.url,
      ZERO_CHANGE_DB: db.url,
      DATA_DIR: path.join('.data', 'test-integration', db.name),
      ZERO_PORT: String(ports.ports.zero),
      API_PORT: String(ports.ports.api),
      HOST_PORT: String(ports.ports.host),
      DEMO_PASSWORD: testPassword,
      ALLOWED_ORIGINS: embedOrigin,
      EMBED_API_KEYS: embedApiKey,
      ...options.env,
    }),
  );
  await enableLoginRoles(db.sql, config);
  await useReportTimezone(db.sql, config.reportTimezone);
  const services: Service[] = [];
  const zeros: TestZero[] = [];
  try {
    if (options.zero ?? true) {
      services.push(await Service.start(zeroCacheSpec(config, false)));
      await grantZeroBookkeeping(db.sql);
    }
    services.push(await Service.start(apiSpec(config, false)));
  } catch (err) {
    for (const s of services.reverse()) await s.stop();
    await db.drop();
    throw err;
  }

  const api: ApiStack['api'] = async (route, init = {}) => {
    const { from = '127.0.0.1', ...rest } = init;
    const res = await undiciFetch(`${config.urls.apiInternal}${route}`, {
      ...(rest as Parameters<typeof undiciFetch>[1]),
      dispatcher: agentFrom(from),
    });
    return res as unknown as Response;
  };

  const signIn: ApiStack['signIn'] = async (email, password = testPassword) => {
    const res = await api('/api/auth/sign-in/email', {
      method: 'POST',
      from: freshAddress(),
      headers: { 'content-type': 'application/json', origin: config.urls.host },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const token = res.headers.get('set-auth-token');
    if (!token) throw new Error('sign-in returned no set-auth-token header');
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const meRes = await api('/api/me', { headers: { authorization: `Bearer ${token}` } });
    if (!meRes.ok) throw new Error(`/api/me as ${email} failed: ${meRes.status}`);
    const me = (await meRes.json()) as AuthContext;
    return { email, token, cookie, me: { userId: me.userId, role: me.role, clientId: me.clientId, teamMemberId: me.teamMemberId } };
  };

  const zeroFor: ApiStack['zeroFor'] = (user) => {
    if (!(options.zero ?? true)) throw new Error(`the ${label} stack was started without zero-cache`);
    const zero = createTestZero(config.urls.zero, user, { quiet: true });
    zeros.push(zero);
    return zero;
  };

  return {
    config,
    db,
    api,
    signIn,
    zeroFor,
    stop: async () => {
      await Promise.all(zeros.map((z) => z.close()));
      for (const s of services.reverse()) await s.stop();
      await db.drop();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
