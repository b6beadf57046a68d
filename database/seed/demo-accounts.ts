// Demo accounts: one per active team member and per client (roles by app.allowlisted_identity, the
// same rule sign-up uses: support → agent, technical and finance → manager, clients → client), plus
// admin@company.com. All share DEMO_PASSWORD; ids are stable so reseeding keeps links working.
import { hashPassword } from 'better-auth/crypto';
import type { Sql } from '../client.ts';

export const demoAdminEmail = 'admin@company.com';

/** Replaces every demo account (other accounts are left alone). Returns how many exist afterwards. */
export async function createDemoAccounts(sql: Sql, password: string): Promise<number> {
  // One scrypt hash for all of them: hashing 66 times would cost seconds for no benefit here.
  const hash = await hashPassword(password);
  return sql.begin(async (tx) => {
    await tx`delete from users where id like 'demo-%'`;
    await tx`
      insert into users (id, name, email, email_verified, role, status, client_id, team_member_id)
      select 'demo-admin', 'Administrator', ${demoAdminEmail}, true, 'admin', 'active', null, null
      union all
      select 'demo-team-member-' || tm.id, i.name, lower(tm.email), true, i.role, 'active', i.client_id, i.team_member_id
      from team_members tm cross join lateral app.allowlisted_identity(tm.email) i
      union all
      select 'demo-client-' || c.id, i.name, lower(c.email), true, i.role, 'active', i.client_id, i.team_member_id
      from clients c cross join lateral app.allowlisted_identity(c.email) i
      on conflict (email) do nothing`;
    const users = await tx<{ id: string }[]>`select id from users where id like 'demo-%'`;
    await tx`
      insert into accounts (id, account_id, provider_id, user_id, password)
      select 'account-' || id, id, 'credential', id, ${hash} from users where id like 'demo-%'`;
    return users.length;
  });
}

/** Demo accounts for a database that has data but no users yet (e.g. an adopted take-home DB). */
export async function createDemoAccountsIfNoUsers(sql: Sql, password: string): Promise<number | null> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
  if ((row?.n ?? 0) > 0) return null;
  return createDemoAccounts(sql, password);
}
