// GET /api/me: who the caller is, as the server sees it. Widgets use it to key their local store and
// to know the role; the client or team member record is read under the caller's own RLS.
import { Hono } from 'hono';
import type { AuthContext } from '../../shared/auth/roles.ts';
import type { Identify } from '../auth/identity.ts';
import type { WithRls } from '../rls.ts';
import { requireIdentity, type IdentityEnv } from './identity-middleware.ts';

export interface MeResponse extends AuthContext {
  name: string | null;
  client: { id: number; name: string } | null;
  teamMember: { id: number; username: string; department: string } | null;
  embed: { widgets: string[]; origins: string[]; expiresAt: string } | null;
}

export function meRoutes(identify: Identify, withRls: WithRls) {
  return new Hono<IdentityEnv>().use(requireIdentity(identify)).get('/', async (c) => {
    const { auth, embed } = c.var.identity;
    const body = await withRls(auth, async (tx) => {
      const [client] = auth.clientId
        ? await tx<{ id: number; name: string }[]>`select id, client_name as name from clients where id = ${auth.clientId}`
        : [];
      const [teamMember] = auth.teamMemberId
        ? await tx<{ id: number; username: string; department: string }[]>`
            select id, username, department from team_members where id = ${auth.teamMemberId}`
        : [];
      return { client: client ?? null, teamMember: teamMember ?? null };
    });
    const me: MeResponse = {
      ...auth,
      name: body.client?.name ?? body.teamMember?.username ?? null,
      ...body,
      embed: embed
        ? { widgets: embed.widgets, origins: embed.origins, expiresAt: embed.expiresAt.toISOString() }
        : null,
    };
    return c.json(me);
  });
}
