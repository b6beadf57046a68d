// Which pages each kind of viewer has. Staff pages redirect client users to the portal, and the
// portal sends staff to the dashboard: the API and RLS refuse the data anyway, this keeps people
// out of pages that would only show refusals.
import type { Viewer } from './session.ts';

export const staffPages = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/team', label: 'Team' },
  { href: '/clients', label: 'Clients' },
  { href: '/response-time', label: 'Response time' },
  { href: '/tickets', label: 'Tickets' },
  { href: '/inbox', label: 'Inbox' },
] as const;

export const clientPages = [{ href: '/portal', label: 'Portal' }] as const;

export function pagesFor(viewer: Viewer) {
  return viewer.role === 'client' ? clientPages : staffPages;
}

export function homeOf(viewer: Viewer): string {
  return pagesFor(viewer)[0].href;
}
