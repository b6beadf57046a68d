import { WidgetPage, widgetEndpoints } from '../../widget-page.tsx';

export const metadata = { title: 'Clients · OpsKings Support Analytics' };

export default function ClientsPage() {
  const at = widgetEndpoints();
  return (
    <WidgetPage title="Clients">
      <ops-filter-bar {...at} sync-url="" />
      <ops-client-analysis {...at} />
    </WidgetPage>
  );
}
