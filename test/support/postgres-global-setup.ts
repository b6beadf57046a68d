// Starts the embedded Postgres cluster shared by all integration test files; each file creates its
// own databases on it (see databases.ts), so files never see each other's rows.
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../scripts/stack/postgres.ts';
import { integrationConfig } from './test-stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgMaintenanceUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = integrationConfig();
  const postgres = await startPostgres(config, (line) => console.log(`[test postgres] ${line}`));
  project.provide('pgMaintenanceUrl', config.postgres.maintenanceUrl);
  return async () => {
    await postgres?.stop();
  };
}
