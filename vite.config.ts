// One multi-entry build of every widget: `loader.js` registers all elements, `<widget>.js` one each.
// All entries share chunks (React, Zero, the runtime with the page's single Zero instance), so a
// page loads each once whichever entries it includes. App build rather than lib mode: lib mode
// keeps process.env references and unminified whitespace.
import fs from 'node:fs';
import path from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const widgetsDir = path.resolve(import.meta.dirname, 'widgets');

const widgetEntries = Object.fromEntries(
  fs
    .readdirSync(widgetsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(widgetsDir, d.name, 'index.ts')))
    .map((d) => [d.name, path.join(widgetsDir, d.name, 'index.ts')]),
);

export default defineConfig({
  plugins: [react(), tailwindcss()],
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
      input: { loader: path.join(widgetsDir, 'loader.ts'), ...widgetEntries },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
            { name: 'r2wc', test: /node_modules[\\/]@r2wc[\\/]/, priority: 35 },
            { name: 'zero', test: /node_modules[\\/](@rocicorp|@badrap)[\\/]/, priority: 32 },
            // Libraries only some widgets use get chunks of their own, so a KPI card or a ticket
            // list does not download a chart library.
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|decimal\.js-light|@reduxjs|redux|reselect|immer|react-redux|eventemitter3|tiny-invariant)[\\/]/, priority: 30 },
            { name: 'tables', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
            { name: 'calendar', test: /node_modules[\\/]react-day-picker[\\/]/, priority: 30 },
            // Shared with the runtime or another optional library (date-fns: the runtime's day
            // arithmetic; use-sync-external-store: TanStack Table). Without their own group they
            // would be taken along as dependencies into the calendar or charts chunk, and every
            // widget would download that chunk.
            { name: 'common', test: /node_modules[\\/](date-fns|@date-fns|use-sync-external-store)[\\/]/, priority: 31 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 20 },
            { name: 'runtime', test: /[\\/](widgets[\\/]runtime|shared)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
