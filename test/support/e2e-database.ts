// Direct SQL access to the e2e stack's database, for computing expected values independently of
// the product's own code paths.
import { loadConfig } from '../../config/env.ts';
import { connect, type Sql } from '../../database/client.ts';
import { e2eEnv } from './test-stack.ts';

export function e2eSql(): Sql {
  return connect(loadConfig({ ...process.env, ...e2eEnv(), DATABASE_URL: '' }).postgres.adminUrl, { max: 2 });
}
