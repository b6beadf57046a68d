import { WidgetPage, widgetEndpoints } from '../../widget-page.tsx';

export const metadata = { title: 'Team · OpsKings Support Analytics' };

export default function TeamPage() {
  const at = widgetEndpoints();
  return (
    <WidgetPage title="Team performance">
      <ops-filter-bar {...at} sync-url="" />
      <ops-team-performance {...at} />
    </WidgetPage>
  );
}
