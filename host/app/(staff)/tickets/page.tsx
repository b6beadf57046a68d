import { WidgetPage, widgetEndpoints } from '../../widget-page.tsx';

export const metadata = { title: 'Tickets · OpsKings Support Analytics' };

const statuses = new Set(['open', 'closed']);

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const at = widgetEndpoints();
  const { status } = await searchParams;
  return (
    <WidgetPage title="Tickets">
      <ops-filter-bar {...at} sync-url="" />
      <ops-ticket-list {...at} {...(typeof status === 'string' && statuses.has(status) ? { status } : {})} />
    </WidgetPage>
  );
}
