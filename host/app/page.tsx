import { redirect } from 'next/navigation';
import { loadConfig } from '../../config/env.ts';
import { currentViewer } from './session.ts';
import { WidgetBundle } from './widget-bundle.tsx';

export default async function DashboardPage() {
  if (!(await currentViewer())) redirect('/sign-in');
  const { urls } = loadConfig();
  return (
    <main className="shell-main">
      <h1>Dashboard</h1>
      <ops-recent-tickets api-url={urls.api} zero-url={urls.zero} />
      <WidgetBundle src={`${urls.api}/widgets/loader.js`} />
    </main>
  );
}
