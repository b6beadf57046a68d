// Start-up work on roles that migrations cannot do: login passwords come from configuration, and
// zero-cache's bookkeeping tables exist only once zero-cache has started.
import { authRole, runtimeRole, type Config } from '../config/env.ts';
import type { Sql } from './client.ts';

/** Enables login for the API's and Better Auth's roles (created NOLOGIN by the migrations). */
export async function enableLoginRoles(admin: Sql, config: Config): Promise<void> {
  const roles: [string, string | undefined, string | undefined][] = [
    [runtimeRole, config.env.APP_DB_PASSWORD, config.env.APP_DATABASE_URL],
    [authRole, config.env.AUTH_DB_PASSWORD, config.env.AUTH_DATABASE_URL],
  ];
  for (const [role, password, overrideUrl] of roles) {
    // With an explicit connection URL the operator manages that login themselves.
    if (overrideUrl || !password) continue;
    await admin.unsafe(`ALTER ROLE "${role}" WITH LOGIN PASSWORD ${literal(password)}`);
  }
}

/**
 * Zero's mutate endpoint records each client's last mutation id in "<app>_0".clients/mutations,
 * inside the same transaction as the mutator, i.e. under the request role. Those two tables are
 * Zero's own and carry no tenant data.
 */
export async function grantZeroBookkeeping(admin: Sql, appId = 'zero'): Promise<void> {
  const schema = `${appId}_0`;
  const [exists] = await admin<{ ok: boolean }[]>`select to_regnamespace(${schema}) is not null as ok`;
  if (!exists?.ok) throw new Error(`zero-cache has not created its "${schema}" schema yet`);
  await admin.unsafe(`GRANT USAGE ON SCHEMA "${schema}" TO app_client, app_staff`);
  await admin.unsafe(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON "${schema}"."clients", "${schema}"."mutations" TO app_client, app_staff`,
  );
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
