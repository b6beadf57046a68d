// /api/admin/users: how an admin lets someone in (an invite sends the one-time set-password link),
// disables them, or changes their role or tenant. Admin sessions only; embed tokens never.
import { Hono } from 'hono';
import { z } from 'zod';
import { userRoles, userStatuses } from '../../shared/auth/roles.ts';
import type { Auth } from '../auth/better-auth.ts';
import { setPasswordPath } from '../auth/better-auth.ts';
import type { Identify } from '../auth/identity.ts';
import type { Database } from '../database.ts';
import { parseBody, refuse } from '../http.ts';
import { requireIdentity, type IdentityEnv } from './identity-middleware.ts';

const tenant = {
  clientId: z.number().int().positive().nullable().optional(),
  teamMemberId: z.number().int().positive().nullable().optional(),
};

/** The same rule as the users_tenant_check constraint, with messages for the admin. */
function tenantProblem(role: string, clientId: number | null, teamMemberId: number | null): Record<string, string> | null {
  if (role === 'client' && clientId === null) return { clientId: 'a client user needs a client' };
  if (role !== 'client' && clientId !== null) return { clientId: 'only client users belong to a client' };
  if (role === 'client' && teamMemberId !== null) return { teamMemberId: 'client users are not team members' };
  if ((role === 'agent' || role === 'manager') && teamMemberId === null) {
    return { teamMemberId: 'agents and managers need a team member' };
  }
  return null;
}

const inviteRequest = z.object({
  email: z.email('must be an email address'),
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(userRoles, { error: `must be one of ${userRoles.join(', ')}` }),
  ...tenant,
});

const changeRequest = z
  .object({ status: z.enum(userStatuses).optional(), role: z.enum(userRoles).optional(), ...tenant })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  clientId: number | null;
  teamMemberId: number | null;
  hasPassword: boolean;
}

const userColumns = (sql: Database['auth']) => sql`
  u.id, u.email, u.name, u.role, u.status, u.client_id as "clientId", u.team_member_id as "teamMemberId",
  exists (select 1 from accounts a where a.user_id = u.id and a.password is not null) as "hasPassword"`;

/** A foreign-key violation, also when an adapter wrapped the Postgres error (in `cause`). */
function isForeignKeyViolation(err: unknown): boolean {
  for (let e: unknown = err; typeof e === 'object' && e !== null; e = 'cause' in e ? e.cause : undefined) {
    if ('code' in e && e.code === '23503') return true;
  }
  return false;
}

export function adminUserRoutes(auth: Auth, db: Database, identify: Identify, hostUrl: string) {
  return new Hono<IdentityEnv>()
    .use(requireIdentity(identify, { fresh: true }))
    .use(async (c, next) => {
      const { auth: who, embed } = c.var.identity;
      if (embed || who.role !== 'admin') return refuse(c, 403, 'forbidden', 'Only admins can manage users.');
      await next();
    })
    .get('/', async (c) => {
      const users = await db.auth<UserRow[]>`select ${userColumns(db.auth)} from users u order by u.role, u.email`;
      return c.json({ users });
    })
    .post('/', async (c) => {
      const parsed = await parseBody(c, inviteRequest);
      if (!parsed.ok) return parsed.response;
      const body = parsed.value;
      const clientId = body.clientId ?? null;
      const teamMemberId = body.teamMemberId ?? null;
      const problem = tenantProblem(body.role, clientId, teamMemberId);
      if (problem) return refuse(c, 400, 'invalid_request', 'The role and tenant do not fit together.', problem);
      const email = body.email.toLowerCase();
      const [existing] = await db.auth<{ id: string }[]>`select id from users where lower(email) = ${email}`;
      if (existing) return refuse(c, 409, 'user_exists', 'A user with this email already exists.');
      try {
        const ctx = await auth.$context;
        await ctx.internalAdapter.createUser(
          { email, name: body.name ?? email, emailVerified: false, role: body.role, status: 'active', clientId, teamMemberId },
          { method: 'email' },
        );
      } catch (err) {
        if (isForeignKeyViolation(err)) {
          return refuse(c, 400, 'invalid_request', 'The client or team member does not exist.', {
            [clientId === null ? 'teamMemberId' : 'clientId']: 'does not exist',
          });
        }
        throw err;
      }
      await auth.api.requestPasswordReset({ body: { email, redirectTo: `${hostUrl}${setPasswordPath}` } });
      const [user] = await db.auth<UserRow[]>`select ${userColumns(db.auth)} from users u where lower(u.email) = ${email}`;
      return c.json({ user }, 201);
    })
    .patch('/:id', async (c) => {
      const parsed = await parseBody(c, changeRequest);
      if (!parsed.ok) return parsed.response;
      const id = c.req.param('id');
      const [current] = await db.auth<UserRow[]>`select ${userColumns(db.auth)} from users u where u.id = ${id}`;
      if (!current) return refuse(c, 404, 'not_found', 'There is no such user.');
      if (id === c.var.identity.auth.userId && (parsed.value.status === 'disabled' || (parsed.value.role && parsed.value.role !== 'admin'))) {
        return refuse(c, 400, 'invalid_request', 'Admins cannot disable or demote themselves.');
      }
      // Moving someone between client and staff drops the link that no longer applies, unless the
      // admin gives a new one.
      const role = parsed.value.role ?? current.role;
      const next = {
        status: parsed.value.status ?? current.status,
        role,
        clientId: parsed.value.clientId !== undefined ? parsed.value.clientId : role === 'client' ? current.clientId : null,
        teamMemberId:
          parsed.value.teamMemberId !== undefined ? parsed.value.teamMemberId : role === 'client' ? null : current.teamMemberId,
      };
      const problem = tenantProblem(next.role, next.clientId, next.teamMemberId);
      if (problem) return refuse(c, 400, 'invalid_request', 'The role and tenant do not fit together.', problem);
      try {
        await db.auth.begin(async (tx) => {
          await tx`update users set status = ${next.status}, role = ${next.role}, client_id = ${next.clientId},
                   team_member_id = ${next.teamMemberId}, updated_at = now() where id = ${id}`;
          // Signed-out everywhere at once; the cookie cache of an open tab expires within 30 s.
          if (next.status === 'disabled') await tx`delete from sessions where user_id = ${id}`;
        });
      } catch (err) {
        if (isForeignKeyViolation(err)) return refuse(c, 400, 'invalid_request', 'The client or team member does not exist.');
        throw err;
      }
      const [user] = await db.auth<UserRow[]>`select ${userColumns(db.auth)} from users u where u.id = ${id}`;
      return c.json({ user });
    });
}
