import { redirect } from 'next/navigation';
import { homeOf } from './navigation.ts';
import { currentViewer } from './session.ts';

/** `/`: staff to the dashboard, client users to the portal, everyone else to sign-in. */
export default async function Home() {
  const viewer = await currentViewer();
  redirect(viewer ? homeOf(viewer) : '/sign-in');
}
