import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redact, withDatabase } from '../../config/env.ts';

describe('loadConfig', () => {
  it('defaults to the embedded Postgres and the documented ports', () => {
    const c = loadConfig({});
    expect(c.postgres.embedded).toBe(true);
    expect(c.postgres.adminUrl).toBe('postgresql://postgres:postgres@127.0.0.1:54329/opskings');
    expect(c.postgres.zeroCvrUrl).toBe('postgresql://postgres:postgres@127.0.0.1:54329/opskings_zero_cvr');
    expect(c.postgres.zeroChangeUrl).toBe('postgresql://postgres:postgres@127.0.0.1:54329/opskings_zero_cdc');
    expect(c.ports).toEqual({ host: 3000, api: 3001, embedDemo: 3002, zero: 4848, zeroChangeStreamer: 4849, postgres: 54329 });
    expect(c.urls).toMatchObject({ host: 'http://localhost:3000', api: 'http://localhost:3001', zero: 'http://localhost:4848', embedDemo: 'http://localhost:3002' });
    expect(c.dataDir.endsWith('/.data')).toBe(true);
  });

  it('trusts the embed demo (its key and its origin) only when its key is set', () => {
    const without = loadConfig({ EMBED_API_KEYS: 'site-key-0123456789', ALLOWED_ORIGINS: 'https://www.example.com' });
    expect(without.embedApiKeys).toEqual(['site-key-0123456789']);
    expect(without.allowedOrigins).toEqual(['https://www.example.com']);
    const withDemo = loadConfig({ ...without.env, EMBED_DEMO_API_KEY: 'demo-key-0123456789', EMBED_DEMO_PORT: '3102' });
    expect(withDemo.embedApiKeys).toEqual(['site-key-0123456789', 'demo-key-0123456789']);
    expect(withDemo.allowedOrigins).toEqual(['https://www.example.com', 'http://localhost:3102']);
  });

  it('switches to an external server with DATABASE_URL, keeping zero databases beside it', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://app:s3cret@db.example.com:5432/helpdesk?sslmode=require' });
    expect(c.postgres.embedded).toBe(false);
    expect(c.postgres.database).toBe('helpdesk');
    expect(c.postgres.user).toBe('app');
    expect(c.postgres.zeroCvrUrl).toBe('postgresql://app:s3cret@db.example.com:5432/helpdesk_zero_cvr?sslmode=require');
    expect(c.postgres.maintenanceUrl).toBe('postgresql://app:s3cret@db.example.com:5432/postgres?sslmode=require');
  });

  it('treats empty variables as unset and passes the variables on to children', () => {
    const c = loadConfig({ DATABASE_URL: '', API_PORT: '3101', PATH: '/bin' });
    expect(c.postgres.embedded).toBe(true);
    expect(c.ports.api).toBe(3101);
    expect(c.env).toEqual({ API_PORT: '3101', PATH: '/bin' });
  });

  it('rejects bad values with the variable names', () => {
    expect(() => loadConfig({ API_PORT: 'abc', DATABASE_URL: 'nope' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: '70000', PG_DATABASE: 'Bad-Name' })).toThrow(
      /API_PORT:[^\n]*\n\s+PG_DATABASE: lower-case letters, digits and _ only/,
    );
  });
});

describe('URL helpers', () => {
  it('redacts passwords and swaps database names', () => {
    expect(redact('postgresql://u:pw@h:1/db')).toBe('postgresql://u:***@h:1/db');
    expect(withDatabase('postgresql://u:pw@h:1/db?x=1', 'other')).toBe('postgresql://u:pw@h:1/other?x=1');
  });
});
