import { defineConfig } from 'drizzle-kit';
import { loadConfig } from './config/env.ts';

export default defineConfig({
  dialect: 'postgresql',
  schema: './database/schema/index.ts',
  out: './drizzle',
  dbCredentials: { url: loadConfig().postgres.adminUrl },
  strict: true,
});
