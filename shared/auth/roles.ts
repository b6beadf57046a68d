// Who a user is to the product. Shared so the server, the Zero queries and the widgets agree.

export const userRoles = ['client', 'agent', 'manager', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export const staffRoles = ['agent', 'manager', 'admin'] as const satisfies readonly UserRole[];
export type StaffRole = (typeof staffRoles)[number];

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export function isStaffRole(role: UserRole): role is StaffRole {
  return role !== 'client';
}

/**
 * The signed-in user as every rule sees it: derived on the server from the session or embed token,
 * never from client input. Exactly one of clientId (client) / teamMemberId (agent, manager, and
 * optionally admin) identifies the tenant or staff member.
 */
export interface AuthContext {
  userId: string;
  role: UserRole;
  clientId: number | null;
  teamMemberId: number | null;
}
