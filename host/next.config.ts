import path from 'node:path';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Test stacks build into their own folder so they can run beside a development stack.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, '..') },
  // Chrome fetches the favicon again after every same-document URL change, i.e. every filter change
  // on a sync-url page. Next serves it with max-age=0, so each fetch went to this server in the
  // middle of the API's answer. Its URL carries a content hash (`?icon.<hash>.png`): cache it for good.
  headers: async () => [{ source: '/icon.png', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] }],
};

export default config;
