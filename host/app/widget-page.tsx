// A page of widgets: the heading, the elements, and the bundle loaded in the browser. The host
// renders no widget itself; it only places the elements.
import type { ReactNode } from 'react';
import { loadConfig } from '../../config/env.ts';

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
      {/* In the server's HTML, so the browser fetches the bundle while the page is still parsing
          rather than after hydration; React hoists it into <head> and loads it once across pages.
          The elements upgrade whenever it runs; no widget renders on the server. */}
      <script type="module" async src={`${urls.api}/widgets/loader.js`} />
    </main>
  );
}
