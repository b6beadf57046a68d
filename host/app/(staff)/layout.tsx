import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { homeOf } from '../navigation.ts';
import { currentViewer } from '../session.ts';
import { DrillToTickets } from './drill-to-tickets.tsx';

/** Staff pages: signed-out viewers sign in, client users go to their portal. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  if (!viewer) redirect('/sign-in');
  if (viewer.role === 'client') redirect(homeOf(viewer));
  return (
    <>
      {children}
      <DrillToTickets />
    </>
  );
}
