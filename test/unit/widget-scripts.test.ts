import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { afterAll, describe, expect, it } from 'vitest';
import { pageScripts, widgetTagsIn } from '../../host/app/widget-scripts.ts';
import type { Manifest } from '../../shared/widget-bundle.ts';

// The shape `vite build` writes: the loader imports entries, entries import chunks, and a chunk
// may import another chunk or load one dynamically.
const manifest: Manifest = {
  'widgets/early.ts': { file: 'early.js', name: 'early', isEntry: true, imports: ['_early.js'] },
  'widgets/loader.ts': { file: 'loader.js', name: 'loader', isEntry: true, imports: ['widgets/kpi-cards/index.ts', 'widgets/filter-bar/index.ts'] },
  'widgets/kpi-cards/index.ts': { file: 'kpi-cards.js', name: 'kpi-cards', isEntry: true, imports: ['_runtime.js', '_react.js'] },
  'widgets/filter-bar/index.ts': { file: 'filter-bar.js', name: 'filter-bar', isEntry: true, imports: ['_runtime.js', '_calendar.js'] },
  '_runtime.js': { file: 'chunks/runtime-1.js', imports: ['_react.js', '_vendor.js', '_early.js'], dynamicImports: ['_lazy.js'] },
  '_early.js': { file: 'chunks/early-1.js' },
  '_react.js': { file: 'chunks/react-1.js' },
  '_vendor.js': { file: 'chunks/vendor-1.js' },
  '_calendar.js': { file: 'chunks/calendar-1.js', imports: ['_react.js'] },
  '_lazy.js': { file: 'chunks/lazy-1.js' },
};

const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'widget-scripts-'));
fs.mkdirSync(path.join(bundleDir, '.vite'));
fs.writeFileSync(path.join(bundleDir, '.vite', 'manifest.json'), JSON.stringify(manifest));
// Of the entries only this one is on disk: the others get no version.
const earlySource = 'export {};\n';
fs.writeFileSync(path.join(bundleDir, 'early.js'), earlySource);
const earlyVersion = createHash('sha256').update(earlySource).digest('base64url').slice(0, 12);
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

const api = 'http://localhost:3001';
const url = (file: string) => `${api}/widgets/${file}`;

describe('pageScripts', () => {
  it("runs the early entry, then the page's own entries, and preloads each static import once, not the dynamic ones", () => {
    const scripts = pageScripts(api, bundleDir, ['ops-filter-bar', 'ops-kpi-cards']);
    expect(scripts.entries).toEqual([url(`early.js?v=${earlyVersion}`), url('filter-bar.js'), url('kpi-cards.js')]);
    expect([...scripts.preloads].sort()).toEqual(
      ['chunks/calendar-1.js', 'chunks/early-1.js', 'chunks/react-1.js', 'chunks/runtime-1.js', 'chunks/vendor-1.js'].map(url),
    );
  });

  it('falls back to the loader for an element without an entry of its own', () => {
    const scripts = pageScripts(api, bundleDir, ['ops-kpi-cards', 'ops-ticket-inbox']);
    expect(scripts.entries).toEqual([url(`early.js?v=${earlyVersion}`), url('loader.js')]);
    expect(scripts.preloads).toContain(url('kpi-cards.js'));
    expect(scripts.preloads).toContain(url('filter-bar.js'));
  });

  it('runs the loader alone when the bundle has no manifest here', () => {
    expect(pageScripts(api, path.join(bundleDir, 'missing'), ['ops-kpi-cards'])).toEqual({ entries: [url('loader.js')], preloads: [] });
  });
});

describe('widgetTagsIn', () => {
  it('finds the ops-* elements however deeply the layout nests them, each once', () => {
    const page = [
      createElement('ops-filter-bar', { key: 'f' }),
      createElement('div', { key: 'd' }, createElement('section', null, createElement('ops-kpi-cards'), createElement('ops-filter-bar'))),
      'text',
      null,
    ];
    expect([...widgetTagsIn(page)]).toEqual(['ops-filter-bar', 'ops-kpi-cards']);
  });
});
