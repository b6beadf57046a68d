// `npm run bundle:sizes`: the widget bundle's sizes, read from the build's manifest, as the two
// Markdown tables of the README's "Widgets" section. Run it after `vite build`.
// A widget costs its entry plus every chunk it imports, directly or through other chunks (a page
// loads each file once, however many imports reach it). The shared part is what every widget
// entry loads; the loader, which pulls in every widget, and the early entry, which registers none,
// are left out of that intersection.
//   node scripts/bundle-sizes.ts [--dir dist/widgets]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { filesLoadedBy, readManifest } from '../shared/widget-bundle.ts';
import { markdownTable } from './bench/table.ts';

interface FileSize {
  raw: number;
  gzip: number;
}

function sizeOf(dir: string, file: string): FileSize {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function main() {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist/widgets' } } });
  const dir = path.resolve(values.dir);
  const manifest = readManifest(dir);
  const sizes = new Map<string, FileSize>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (!s) sizes.set(file, (s = sizeOf(dir, file)));
    return s;
  };
  const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + size(f).gzip, 0);

  // Dynamic imports count too: "everything it loads" includes what a widget fetches later.
  const entries = Object.entries(manifest)
    .filter(([, c]) => c.isEntry)
    .map(([key, c]) => ({ key, chunk: c, files: filesLoadedBy(manifest, key, { dynamic: true }) }));
  const widgets = entries.filter((e) => e.chunk.name !== 'loader' && e.chunk.name !== 'early');
  const shared = new Set([...(widgets[0]?.files ?? [])].filter((f) => widgets.every((w) => w.files.has(f))));

  const chunkRows = Object.values(manifest)
    .filter((c) => !c.isEntry)
    .map((c) => ({ name: c.name ?? c.file, file: c.file, ...size(c.file) }))
    .sort((a, b) => b.gzip - a.gzip)
    .map((c) => [c.name, shared.has(c.file) ? 'yes' : '', kB(c.raw), kB(c.gzip)]);
  chunkRows.push(['**shared by every widget**', '', '', `**${kB(total(shared))}**`]);

  const widgetRows = entries
    .map((e) => ({ name: e.chunk.name ?? e.key, own: size(e.chunk.file).gzip, beyond: total([...e.files].filter((f) => !shared.has(f) && f !== e.chunk.file)), all: total(e.files) }))
    .sort((a, b) => a.all - b.all)
    .map((e) => [e.name, kB(e.own), kB(e.beyond), kB(e.all)]);

  console.log(markdownTable(['chunk', 'shared', 'raw kB', 'gzip kB'], chunkRows));
  console.log();
  console.log(markdownTable(['entry', 'entry gzip kB', 'other chunks gzip kB', 'total gzip kB (shared + everything it loads)'], widgetRows));
}

main();
