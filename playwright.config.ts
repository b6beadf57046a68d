import { defineConfig } from '@playwright/test';
import { e2eEnv } from './test/support/test-stack.ts';

const env = e2eEnv();

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${env.HOST_PORT}`,
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium (apt); Playwright's own browser download is not used.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  webServer: {
    // The same runner as `npm start`, on test ports with a fresh data folder.
    command: 'node scripts/start.ts --fresh --quiet',
    env: { ...env, DATABASE_URL: '', ZERO_CVR_DB: '', ZERO_CHANGE_DB: '' },
    url: `http://127.0.0.1:${env.HOST_PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
