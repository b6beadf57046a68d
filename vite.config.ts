// One multi-entry build of every widget: `loader.js` registers all elements, `<widget>.js` one each.
// All entries share chunks (React, Zero, the runtime with the page's single Zero instance), so a
// page loads each once whichever entries it includes. App build rather than lib mode: lib mode
// keeps process.env references and unminified whitespace.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const widgetsDir = path.resolve(import.meta.dirname, 'widgets');

const widgetEntries = Object.fromEntries(
  fs
    .readdirSync(widgetsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(widgetsDir, d.name, 'index.ts')))
    .map((d) => [d.name, path.join(widgetsDir, d.name, 'index.ts')]),
);

// Recharts reads its scales from `import * as d3Scales from 'victory-vendor/d3-scale'` by name, so
// every d3 scale (time, utc, log, sequential, …, with d3-time and d3-time-format) would be kept.
// With `scale="auto"`, the only setting the widgets use, it asks for band, point or linear alone;
// a widget that sets another `scale` name must add it here, or recharts falls back to `point`.
// Saves about 8 kB gzip on every chart widget.
const usedD3Scales = ['scaleBand', 'scaleLinear', 'scalePoint'];
/** Runtime modules only the ticket widgets use: their own chunk, so chart and KPI widgets skip them. */
const ticketWork = String.raw`(tickets|write\.ts|keyset-pages\.ts|ui[\\/]form-controls\.tsx)`;
/**
 * Our modules that need Zero's client at run time: a chunk of their own, which the runtime loads
 * only when a widget wants Zero (widgets/runtime/zero-area.tsx), so charts draw without Zero.
 */
const zeroWork = String.raw`[\\/](widgets[\\/]runtime[\\/]zero(-link)?\.tsx?|shared[\\/]zero[\\/].*)$`;

const d3ScaleSubsetId = '\0d3-scale-subset';

function d3ScaleSubset(): Plugin {
  return {
    name: 'd3-scale-subset',
    enforce: 'pre',
    resolveId(source) {
      return source === 'victory-vendor/d3-scale' ? d3ScaleSubsetId : null;
    },
    load(id) {
      return id === d3ScaleSubsetId ? `export { ${usedD3Scales.join(', ')} } from 'd3-scale';` : null;
    },
  };
}

const earlyEntry = path.join(widgetsDir, 'early.ts');
/** Libraries the early entry must not load: it exists to run before them. */
const heavyLibraries = /node_modules[\\/](react|react-dom|scheduler|@rocicorp|recharts|@r2wc)[\\/]/;

/**
 * Everything the early entry imports, found once the module graph is built, for its own chunk:
 * the widgets' entries share it (one filter store, one batch queue), and it loads nothing else.
 */
function earlyEntryGraph() {
  const reached = new Set<string>();
  const plugin: Plugin = {
    name: 'early-entry-graph',
    buildEnd() {
      reached.clear();
      const stack = [earlyEntry];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        if (reached.has(id)) continue;
        reached.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
      const heavy = [...reached].filter((id) => heavyLibraries.test(id));
      if (heavy.length > 0) this.error(`widgets/early.ts must not import React, Zero or the charts, but it reaches ${heavy.slice(0, 3).join(', ')}`);
    },
  };
  return { plugin, test: (id: string) => id !== earlyEntry && reached.has(id) };
}

const early = earlyEntryGraph();

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Brotli and gzip copies beside every script, made once at build time at the highest levels: the
 * API serves them to browsers that accept them (routes/widgets.ts), about a quarter of the bytes,
 * with no compression work per request.
 */
function precompressBundle(): Plugin {
  let outDir = '';
  return {
    name: 'precompress-bundle',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const scripts = Object.keys(bundle).filter((name) => name.endsWith('.js'));
      await Promise.all(
        scripts.map(async (name) => {
          const file = path.join(outDir, name);
          const bytes = await fs.promises.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
            gzip(bytes, { level: 9 }),
          ]);
          await Promise.all([fs.promises.writeFile(`${file}.br`, br), fs.promises.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), d3ScaleSubset(), early.plugin, precompressBundle()],
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    target: 'es2022',
    // Browsers with light-dark() (the theme's light and dark defaults); lower targets would make
    // the CSS minifier resolve it once on :host, where the `theme` attribute cannot switch it.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    manifest: true,
    reportCompressedSize: true,
    rolldownOptions: {
      input: { loader: path.join(widgetsDir, 'loader.ts'), early: earlyEntry, ...widgetEntries },
      preserveEntrySignatures: 'exports-only',
      // Recharts builds its selectors at module level without pure annotations; reselect's
      // createSelector only wraps functions, so unused selectors can go.
      treeshake: { manualPureFunctions: ['createSelector'] },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: {
          groups: [
            { name: 'early', test: early.test, priority: 50 },
            // Vite's helper for dynamic imports: Zero's chunk would take it along, and the runtime,
            // which imports Zero dynamically, would then load Zero to have it.
            { name: 'preload', test: /^\0vite[\\/]preload-helper/, priority: 60 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
            { name: 'r2wc', test: /node_modules[\\/]@r2wc[\\/]/, priority: 35 },
            { name: 'zero', test: /node_modules[\\/](@rocicorp|@badrap)[\\/]/, priority: 32 },
            // Libraries only some widgets use get chunks of their own, so a KPI card or a ticket
            // list does not download a chart library.
            // Split by the set of chart widgets using each module (the chunk names list them): the
            // distribution (a pie) skips the bar and line code, the response-time histogram the line
            // code. A page with all three loads about 6 kB more than from one chunk (gzip context).
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|decimal\.js-light|@reduxjs|redux|reselect|immer|react-redux|eventemitter3|tiny-invariant)[\\/]/, priority: 30, entriesAware: true },
            { name: 'tables', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
            { name: 'calendar', test: /node_modules[\\/]react-day-picker[\\/]/, priority: 30 },
            // Shared with the runtime or another optional library (date-fns: the runtime's day
            // arithmetic; use-sync-external-store: TanStack Table). Without their own group they
            // would be taken along as dependencies into the calendar or charts chunk, and every
            // widget would download that chunk.
            { name: 'common', test: /node_modules[\\/](date-fns|@date-fns|use-sync-external-store)[\\/]/, priority: 31 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 20 },
            { name: 'runtime', test: new RegExp(String.raw`^(?!.*${zeroWork}).*[\\/](widgets[\\/]runtime(?![\\/]${ticketWork})|shared)[\\/]`), priority: 10 },
            // After the runtime, like the ticket work below.
            { name: 'live', test: new RegExp(zeroWork), priority: 7 },
            // After the runtime (a group takes its modules' imports along): what is left is ticket work
            // alone, which only the ticket list, the inbox and the portal load.
            { name: 'tickets', test: new RegExp(String.raw`[\\/]widgets[\\/]runtime[\\/]${ticketWork}`), priority: 5 },
          ],
        },
      },
    },
  },
});
