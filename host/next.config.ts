import path from 'node:path';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // Test stacks build into their own folder so they can run beside a development stack.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, '..') },
};

export default config;
