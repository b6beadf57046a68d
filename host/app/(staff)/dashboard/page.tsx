import { WidgetPage, widgetEndpoints } from '../../widget-page.tsx';

export const metadata = { title: 'Dashboard · OpsKings Support Analytics' };

export default function DashboardPage() {
  const at = widgetEndpoints();
  return (
    <WidgetPage title="Dashboard">
      <ops-filter-bar {...at} sync-url="" />
      <ops-kpi-cards {...at} />
      <div className="shell-grid-2">
        <ops-tickets-over-time {...at} />
        <ops-ticket-distribution {...at} view="both" />
      </div>
    </WidgetPage>
  );
}
