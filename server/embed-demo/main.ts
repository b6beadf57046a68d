// Starts the embed demo's backend on EMBED_DEMO_PORT (the stack runner does this).
import { serve } from '@hono/node-server';
import { loadConfig } from '../../config/env.ts';
import { embedDemoApp } from './app.ts';

const config = loadConfig();
const server = serve({ fetch: embedDemoApp(config).fetch, port: config.ports.embedDemo, hostname: '127.0.0.1' }, (info) => {
  console.log(`Embed demo on http://127.0.0.1:${info.port}/embed-demo`);
});

function shutdown(): void {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
