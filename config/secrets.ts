// Secrets a local stack needs but nobody should have to invent: each is taken from the environment
// when set, otherwise generated once into DATA_DIR/secrets (mode 0600) and reused on every start.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from './env.ts';

const generated = [
  'ZERO_ADMIN_PASSWORD',
  'BETTER_AUTH_SECRET',
  'EMBED_TOKEN_SECRET',
  'APP_DB_PASSWORD',
  'AUTH_DB_PASSWORD',
  'EMBED_DEMO_API_KEY',
] as const;

function stored(dir: string, name: string): string {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    // The data folder itself keeps the default mode: the embedded Postgres (its own OS user when we
    // run as root) must reach its cluster inside; a recursive mkdir would make every level 0700.
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The same config with every missing secret filled in (and passed on to child processes). */
export function withSecrets(config: Config): Config {
  const dir = path.join(config.dataDir, 'secrets');
  const env = { ...config.env };
  for (const name of generated) env[name] ??= stored(dir, name);
  return loadConfig(env);
}
