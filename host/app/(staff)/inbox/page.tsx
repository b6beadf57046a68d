import { WidgetPage, widgetEndpoints } from '../../widget-page.tsx';

export const metadata = { title: 'Inbox · OpsKings Support Analytics' };

export default function InboxPage() {
  const at = widgetEndpoints();
  return (
    <WidgetPage title="Inbox">
      <ops-filter-bar {...at} sync-url="" />
      <ops-ticket-inbox {...at} />
    </WidgetPage>
  );
}
