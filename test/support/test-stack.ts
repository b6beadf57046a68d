// Settings for the stacks tests start. Tests use their own ports and data folders so they can run
// while a development stack (npm start) is up.
import { loadConfig, type Config } from '../../config/env.ts';

const base = { ...process.env, DATABASE_URL: undefined, ZERO_CVR_DB: undefined, ZERO_CHANGE_DB: undefined };

/** The Postgres cluster of integration tests; zero-cache and API ports for the ones that start them. */
export function integrationConfig(): Config {
  return loadConfig({
    ...base,
    DATA_DIR: '.data/test-integration',
    PG_PORT: '54339',
    ZERO_PORT: '4868',
    API_PORT: '3111',
    HOST_PORT: '3110',
    EMBED_DEMO_PORT: '3112',
  });
}

/** The full stack Playwright drives. */
export function e2eEnv() {
  return {
    DATA_DIR: '.data/test-e2e',
    PG_PORT: '54349',
    ZERO_PORT: '4858',
    API_PORT: '3101',
    HOST_PORT: '3100',
    EMBED_DEMO_PORT: '3102',
    // Every browser sign-in comes from 127.0.0.1; the default (5 a minute) is tested in integration.
    SIGN_IN_RATE_LIMIT: '100',
  } satisfies Record<string, string>;
}
