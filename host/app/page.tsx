import { connection } from 'next/server';
import { loadConfig } from '../../config/env.ts';
import { WidgetBundle } from './widget-bundle.tsx';

export default async function DashboardPage() {
  // Rendered per request so the URLs follow the running stack's environment, not the build's.
  await connection();
  const { urls } = loadConfig();
  return (
    <main className="shell-main">
      <h1>Dashboard</h1>
      <ops-recent-tickets api-url={urls.api} zero-url={urls.zero} />
      <WidgetBundle src={`${urls.api}/widgets/loader.js`} />
    </main>
  );
}
