// A page of widgets: the heading, the elements, and the bundle loaded in the browser. The host
// renders no widget itself; it only places the elements.
import type { ReactNode } from 'react';
import { loadConfig } from '../../config/env.ts';
import { WidgetBundle } from './widget-bundle.tsx';

export function widgetEndpoints() {
  const { urls } = loadConfig();
  return { 'api-url': urls.api, 'zero-url': urls.zero };
}

export function WidgetPage({ title, className = '', children }: { title: string; className?: string; children: ReactNode }) {
  const { urls } = loadConfig();
  return (
    <main className={`shell-main ${className}`}>
      <h1>{title}</h1>
      {children}
      <WidgetBundle src={`${urls.api}/widgets/loader.js`} />
    </main>
  );
}
