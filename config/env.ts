// The one typed view of the environment. Every process (stack runner, API, seed, tests) reads its
// settings here so that a port or URL is defined once and a bad value fails at start with a clear
// message instead of somewhere deep inside a child process.
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { isTimeZone } from '../shared/analytics/calendar.ts';

// drizzle-kit loads this file through a CommonJS transform where import.meta is empty; it always
// runs from the project root, so the working directory is the right fallback there.
const projectRoot = import.meta.dirname ? path.resolve(import.meta.dirname, '..') : process.cwd();

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const optionalUrl = z.url().optional();

const envSchema = z.object({
  DATA_DIR: z.string().min(1).default('.data'),
  HOST_PORT: port(3000),
  API_PORT: port(3001),
  // The embed demo: a stand-in for another company tool, on an origin of its own.
  EMBED_DEMO_PORT: port(3002),
  ZERO_PORT: port(4848),
  PG_PORT: port(54329),
  PG_USER: z.string().min(1).default('postgres'),
  PG_PASSWORD: z.string().min(1).default('postgres'),
  PG_DATABASE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and _ only')
    .default('opskings'),
  // An external Postgres (e.g. Supabase). When set, no embedded Postgres is started.
  DATABASE_URL: optionalUrl,
  ZERO_CVR_DB: optionalUrl,
  ZERO_CHANGE_DB: optionalUrl,
  // Secrets: from the environment, or generated once into DATA_DIR/secrets by the stack runner.
  ZERO_ADMIN_PASSWORD: z.string().min(8).optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  EMBED_TOKEN_SECRET: z.string().min(32).optional(),
  APP_DB_PASSWORD: z.string().min(12).optional(),
  AUTH_DB_PASSWORD: z.string().min(12).optional(),
  // Override the derived login-role connections (e.g. a pooler that wants other user names).
  APP_DATABASE_URL: optionalUrl,
  AUTH_DATABASE_URL: optionalUrl,
  // Backends of embedding sites call POST /api/embed/tokens with one of these (comma separated).
  EMBED_API_KEYS: z.string().default(''),
  // The embed demo's own backend key. Only when set (the stack runner generates it) does the API
  // accept it and allow the demo's origin; a deployment without the demo leaves it unset.
  EMBED_DEMO_API_KEY: z.string().min(16).optional(),
  // Parent domain for the session cookie when host, API and zero-cache live on sibling subdomains
  // (e.g. .example.com for app., api. and zero.example.com). Unset: a host-only cookie.
  COOKIE_DOMAIN: z.string().regex(/^\.?[a-z0-9.-]+$/i, 'a domain such as .example.com').optional(),
  // Calendar days and months of every report (date filters, trends) are those of this IANA zone.
  REPORT_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as UTC or Europe/Berlin')
    .default('UTC'),
  // Sign-in attempts per minute from one IP address (password-link requests allow 3).
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
  // Password of the demo accounts the seed creates.
  DEMO_PASSWORD: z.string().min(8).default('opskings-demo'),
  // Outgoing mail (set-password links). Without SMTP_URL the link is written to the API log.
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default('OpsKings Support <no-reply@opskings.local>'),
  ZERO_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('warn'),
  // Public URLs as a browser reaches them; default to localhost on the ports above.
  PUBLIC_HOST_URL: optionalUrl,
  PUBLIC_API_URL: optionalUrl,
  PUBLIC_ZERO_URL: optionalUrl,
  PUBLIC_EMBED_DEMO_URL: optionalUrl,
  // Extra origins (comma separated) allowed to load widgets and call the API.
  ALLOWED_ORIGINS: z.string().default(''),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  /** The variables this config was read from: child processes get exactly these, so they read the same config. */
  env: Record<string, string>;
  projectRoot: string;
  dataDir: string;
  ports: { host: number; api: number; embedDemo: number; zero: number; zeroChangeStreamer: number; postgres: number };
  postgres: {
    embedded: boolean;
    user: string;
    password: string;
    database: string;
    /** Superuser/owner connection to the application database (migrations, seed, zero-cache). */
    adminUrl: string;
    /** Same server, another database: used for maintenance (CREATE DATABASE). */
    maintenanceUrl: string;
    zeroCvrUrl: string;
    zeroChangeUrl: string;
    /** The API's login role (app_runtime): no privileges until the RLS helper switches role. */
    runtimeUrl: string | undefined;
    /** Better Auth's login role (app_auth): the auth tables only. */
    authUrl: string | undefined;
  };
  zero: { adminPassword: string | undefined; logLevel: Env['ZERO_LOG_LEVEL'] };
  secrets: { betterAuth: string | undefined; embedToken: string | undefined };
  embedApiKeys: string[];
  /** The embed demo's key; also in embedApiKeys, and its origin in allowedOrigins, when set. */
  embedDemoApiKey: string | undefined;
  demoPassword: string;
  signInRateLimit: number;
  cookieDomain: string | undefined;
  reportTimezone: string;
  mail: { smtpUrl: string | undefined; from: string };
  /** Public URLs (as a browser reaches them) and internal ones (service to service). */
  urls: { host: string; api: string; zero: string; embedDemo: string; apiInternal: string; zeroInternal: string };
  allowedOrigins: string[];
}

export class ConfigError extends Error {}

/** The login role names the migrations create (drizzle/0002_*.sql). */
export const runtimeRole = 'app_runtime';
export const authRole = 'app_auth';

/** Replaces user and password in a Postgres URL. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** A secret the caller cannot do without: fails with the variable to set. */
export function required<T>(value: T | undefined, variable: string): T {
  if (value === undefined) {
    throw new ConfigError(`${variable} is not set. \`npm start\` generates it; otherwise set it in the environment.`);
  }
  return value;
}

/** Replaces the database name in a Postgres URL, keeping credentials, host and parameters. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new ConfigError(`DATABASE_URL has no database name: ${redact(url)}`);
  return name;
}

/** A URL safe to print: the password is masked. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** process.env over the project's optional .env file (real variables win, as with dotenv). */
function processEnvWithDotEnv(): Record<string, string | undefined> {
  const file = path.join(projectRoot, '.env');
  const fromFile = fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

/** Reads the settings from `source`, or from process.env plus .env when none is given. */
export function loadConfig(source: Record<string, string | undefined> = processEnvWithDotEnv()): Config {
  // An empty variable (e.g. `DATABASE_URL=` in .env) means "not set".
  const defined = Object.entries(source).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  const parsed = envSchema.safeParse(Object.fromEntries(defined));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const embedded = env.DATABASE_URL === undefined;
  const credentials = `${encodeURIComponent(env.PG_USER)}:${encodeURIComponent(env.PG_PASSWORD)}`;
  const adminUrl =
    env.DATABASE_URL ?? `postgresql://${credentials}@127.0.0.1:${env.PG_PORT}/${env.PG_DATABASE}`;
  const database = databaseName(adminUrl);
  const embedDemoUrl = trimSlash(env.PUBLIC_EMBED_DEMO_URL ?? `http://localhost:${env.EMBED_DEMO_PORT}`);
  const demo = env.EMBED_DEMO_API_KEY;

  return {
    env: Object.fromEntries(defined),
    projectRoot,
    dataDir: path.resolve(projectRoot, env.DATA_DIR),
    ports: {
      host: env.HOST_PORT,
      api: env.API_PORT,
      embedDemo: env.EMBED_DEMO_PORT,
      zero: env.ZERO_PORT,
      zeroChangeStreamer: env.ZERO_PORT + 1,
      postgres: env.PG_PORT,
    },
    postgres: {
      embedded,
      user: embedded ? env.PG_USER : decodeURIComponent(new URL(adminUrl).username),
      password: env.PG_PASSWORD,
      database,
      adminUrl,
      maintenanceUrl: withDatabase(adminUrl, 'postgres'),
      zeroCvrUrl: env.ZERO_CVR_DB ?? withDatabase(adminUrl, `${database}_zero_cvr`),
      zeroChangeUrl: env.ZERO_CHANGE_DB ?? withDatabase(adminUrl, `${database}_zero_cdc`),
      runtimeUrl:
        env.APP_DATABASE_URL ??
        (env.APP_DB_PASSWORD && withCredentials(adminUrl, runtimeRole, env.APP_DB_PASSWORD)),
      authUrl:
        env.AUTH_DATABASE_URL ??
        (env.AUTH_DB_PASSWORD && withCredentials(adminUrl, authRole, env.AUTH_DB_PASSWORD)),
    },
    zero: { adminPassword: env.ZERO_ADMIN_PASSWORD, logLevel: env.ZERO_LOG_LEVEL },
    secrets: { betterAuth: env.BETTER_AUTH_SECRET, embedToken: env.EMBED_TOKEN_SECRET },
    embedApiKeys: [...list(env.EMBED_API_KEYS), ...(demo ? [demo] : [])],
    embedDemoApiKey: demo,
    demoPassword: env.DEMO_PASSWORD,
    signInRateLimit: env.SIGN_IN_RATE_LIMIT,
    cookieDomain: env.COOKIE_DOMAIN,
    reportTimezone: env.REPORT_TIMEZONE,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    urls: {
      host: trimSlash(env.PUBLIC_HOST_URL ?? `http://localhost:${env.HOST_PORT}`),
      api: trimSlash(env.PUBLIC_API_URL ?? `http://localhost:${env.API_PORT}`),
      zero: trimSlash(env.PUBLIC_ZERO_URL ?? `http://localhost:${env.ZERO_PORT}`),
      embedDemo: embedDemoUrl,
      apiInternal: `http://127.0.0.1:${env.API_PORT}`,
      zeroInternal: `http://127.0.0.1:${env.ZERO_PORT}`,
    },
    allowedOrigins: [...list(env.ALLOWED_ORIGINS), ...(demo ? [embedDemoUrl] : [])],
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
