// Which widget bundle files a page loads: the entries of the widgets it places (not the loader,
// which evaluates every widget), and every chunk they import, for <link rel="modulepreload">.
// Without the preloads the browser finds the imports one level at a time (entry, then runtime and
// chart chunks, then their vendor chunks), a round trip and a parse each.
import { Children, isValidElement, type ReactNode } from 'react';
import { currentManifest, entryKey, filesLoadedBy, fileVersion } from '../../shared/widget-bundle.ts';

export interface PageScripts {
  /** Module scripts to run: the early entry (widgets/early.ts), then each registers its element. */
  entries: string[];
  /** Everything those import, fetched in parallel from the start. */
  preloads: string[];
}

/** The ops-* elements in a page's JSX, however deeply the layout nests them. */
export function widgetTagsIn(node: ReactNode, found = new Set<string>()): Set<string> {
  Children.forEach(node, (child) => {
    if (!isValidElement<{ children?: ReactNode }>(child)) return;
    if (typeof child.type === 'string' && child.type.startsWith('ops-')) found.add(child.type);
    widgetTagsIn(child.props.children, found);
  });
  return found;
}

/**
 * The scripts for a page with these widget tags. Without a readable manifest (the bundle is
 * served from elsewhere) or for a tag without an entry of its own, the loader does it all.
 */
export function pageScripts(apiUrl: string, bundleDir: string, tags: Iterable<string>): PageScripts {
  const base = `${apiUrl}/widgets/`;
  const loaderOnly: PageScripts = { entries: [`${base}loader.js`], preloads: [] };
  const manifest = currentManifest(bundleDir);
  if (!manifest) return loaderOnly;
  const keys = [...tags].map((tag) => entryKey(manifest, tag.replace(/^ops-/, '')));
  const named = keys.filter((k): k is string => k !== undefined);
  const fallback = entryKey(manifest, 'loader');
  const widgetKeys = named.length === keys.length && named.length > 0 ? named : fallback ? [fallback] : [];
  if (widgetKeys.length === 0) return loaderOnly;
  // First: it sends the widgets' first requests while their entries' big chunks still load.
  const early = entryKey(manifest, 'early');
  const entryKeys = early ? [early, ...widgetKeys] : widgetKeys;
  const entries = new Set(entryKeys.map((k) => manifest[k]!.file));
  const preloads = new Set<string>();
  for (const key of entryKeys) {
    for (const file of filesLoadedBy(manifest, key, { dynamic: false })) if (!entries.has(file) && file.endsWith('.js')) preloads.add(file);
  }
  // Entries by content version: cached for good, as chunks are (routes/widgets.ts).
  const versioned = (file: string) => {
    const version = fileVersion(bundleDir, file);
    return version ? `${base}${file}?v=${version}` : base + file;
  };
  return { entries: [...entries].map(versioned), preloads: [...preloads].map((f) => base + f) };
}
