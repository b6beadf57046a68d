import { redirect } from 'next/navigation';
import { homeOf } from '../navigation.ts';
import { currentViewer } from '../session.ts';
import { WidgetPage, widgetEndpoints } from '../widget-page.tsx';

export const metadata = { title: 'Portal · OpsKings Support Analytics' };

/** The client users' page: their tickets, new tickets, threads and feedback. */
export default async function PortalPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect('/sign-in');
  if (viewer.role !== 'client') redirect(homeOf(viewer));
  return (
    <WidgetPage title="Your tickets">
      <ops-client-portal {...widgetEndpoints()} />
    </WidgetPage>
  );
}
