// A page of widgets: the heading, the elements, and the bundle loaded in the browser. The host
// renders no widget itself; it only places the elements.
import type { ReactNode } from 'react';
import { preinitModule, preloadModule } from 'react-dom';
import { loadConfig } from '../../config/env.ts';
import { widgetBundleDir } from '../../shared/widget-bundle.ts';
import { pageScripts, widgetTagsIn } from './widget-scripts.ts';

export function widgetEndpoints() {
  const { urls } = loadConfig();
  return { 'api-url': urls.api, 'zero-url': urls.zero };
}

export function WidgetPage({ title, className = '', children }: { title: string; className?: string; children: ReactNode }) {
  const { urls, projectRoot } = loadConfig();
  // In the server's HTML <head>, so the browser fetches the bundle while the page is still parsing
  // rather than after hydration, every chunk at once; React loads each once across pages. The
  // elements upgrade whenever their entry runs; no widget renders on the server.
  const scripts = pageScripts(urls.api, widgetBundleDir(projectRoot), widgetTagsIn(children));
  for (const href of scripts.preloads) preloadModule(href);
  for (const href of scripts.entries) preinitModule(href);
  return (
    <main className={`shell-main ${className}`}>
      <h1>{title}</h1>
      {children}
    </main>
  );
}
