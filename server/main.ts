// Starts the API: one pool, one Hono app, one listening socket; drains on SIGTERM/SIGINT.
import { serve } from '@hono/node-server';
import { loadConfig } from '../config/env.ts';
import { createApp } from './app.ts';
import { openDatabase } from './database.ts';

const config = loadConfig();
const db = openDatabase(config);
const { app } = createApp(config, db);

const server = serve({ fetch: app.fetch, port: config.ports.api, hostname: '127.0.0.1' }, (info) => {
  console.log(`API listening on http://127.0.0.1:${info.port}`);
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  server.close(() => {
    void db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
