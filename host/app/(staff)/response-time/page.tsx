import { WidgetPage, widgetEndpoints } from '../../widget-page.tsx';

export const metadata = { title: 'Response time · OpsKings Support Analytics' };

export default function ResponseTimePage() {
  const at = widgetEndpoints();
  return (
    <WidgetPage title="Response time">
      <ops-filter-bar {...at} sync-url="" />
      <ops-response-time {...at} />
    </WidgetPage>
  );
}
