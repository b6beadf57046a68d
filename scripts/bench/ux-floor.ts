// The stack floor beside the dashboard's load times: scripts/bench/floor (React and recharts drawing
// the dashboard's charts from data already in the page) built with Vite, served from a plain static
// server, and loaded the way dashboardLoads loads /dashboard, then redrawn the way filterChanges
// changes the dashboard's filters. The gap between the two is ours; the floor itself is what this
// machine and the fixed stack allow.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Random } from '../../test/support/random-filters.ts';
import { coldLoadsAndReloads, finishedStep, type ReadyTime } from './ux-measurements.ts';
import { armClick, armFloorRedraw } from './ux-probes.ts';

const floorDir = path.join(import.meta.dirname, 'floor');
const contentTypes: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

async function buildFloor(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ux-floor-'));
  await build({
    configFile: false,
    root: floorDir,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
  return outDir;
}

/** Serves `dir` on a free loopback port, caching scripts for good as the API does the bundle's chunks. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const requested = new URL(req.url ?? '/', 'http://floor').pathname;
    const file = path.join(dir, requested === '/' ? 'index.html' : requested);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      'Content-Type': contentTypes[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The floor page, built and served for one bench run; `close` stops the server and removes the build. */
export async function startFloor(): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = await buildFloor();
  const server = await serve(dir);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const drawn: ReadyTime = async (page) => {
  await page.waitForFunction(() => window.__floorDrawnAt !== undefined, undefined, { timeout: 30_000, polling: 50 });
  return page.evaluate(() => window.__floorDrawnAt!);
};

/** `count` cold loads of the floor page at `url` in fresh contexts, each followed by a reload, after `warmups`. */
export function floorLoads(browser: Browser, url: string, count: number, warmups: number): Promise<{ cold: number[]; warm: number[] }> {
  return coldLoadsAndReloads(() => browser.newContext(), url, { count, warmups, ready: drawn });
}

/**
 * `count` clicks on the floor's priority buttons (random, `pauseMs` apart), each timed until the
 * line, the donut and the key numbers show the new numbers: a filter change without its request.
 */
export async function floorFilterChanges(browser: Browser, url: string, count: number, r: Random, pauseMs: number): Promise<number[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await drawn(page, 0);
    const buttons = page.locator('[data-floor-priority]');
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      await page.evaluate(armClick);
      await page.evaluate(armFloorRedraw);
      await buttons.nth(r.int(await buttons.count())).click();
      const step = await finishedStep(page, 'the floor redrawn after a priority click');
      ms.push(step.doneAt! - step.startedAt!);
      await sleep(pauseMs);
    }
    return ms;
  } finally {
    await context.close();
  }
}
