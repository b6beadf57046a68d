import { redirect } from 'next/navigation';
import { homeOf } from '../navigation.ts';
import { currentViewer } from '../session.ts';
import { WidgetPage, widgetEndpoints } from '../widget-page.tsx';

export const metadata = { title: 'Portal · OpsKings Support Analytics' };

/** The client users' page. Until the portal widget ships it shows the client's newest tickets. */
export default async function PortalPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect('/sign-in');
  if (viewer.role !== 'client') redirect(homeOf(viewer));
  return (
    <WidgetPage title="Your tickets">
      <ops-recent-tickets {...widgetEndpoints()} />
    </WidgetPage>
  );
}
