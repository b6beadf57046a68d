// Who may have an account: an email of a client or an active team member (app.allowlisted_identity,
// one rule for sign-up and demo accounts) or a user an admin invited. The first password request
// for an allowlisted email creates its user; role and tenant come from the helpdesk data, never
// from the request.
import type { Sql } from '../../database/client.ts';
import type { UserRole } from '../../shared/auth/roles.ts';

export interface AllowlistedIdentity {
  role: UserRole;
  clientId: number | null;
  teamMemberId: number | null;
  name: string;
}

export async function allowlistedIdentity(authSql: Sql, email: string): Promise<AllowlistedIdentity | null> {
  const [row] = await authSql<
    { role: UserRole; client_id: number | null; team_member_id: number | null; name: string }[]
  >`select role, client_id, team_member_id, name from app.allowlisted_identity(${email})`;
  if (!row) return null;
  return { role: row.role, clientId: row.client_id, teamMemberId: row.team_member_id, name: row.name };
}
