// npm run db:seed end to end: the CLI process against real databases, migrated and not.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Runs the CLI (without .env: DATABASE_URL alone decides the target) and collects its output. */
function runCli(url: string, ...args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['database/seed/cli.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('db:seed CLI', () => {
  let migrated: TestDatabase;
  let bare: TestDatabase;
  beforeAll(async () => {
    [migrated, bare] = await Promise.all([
      createTestDatabase('seed_cli'),
      createTestDatabase('seed_cli_bare', { migrate: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([migrated?.drop(), bare?.drop()]);
  });

  it('says to migrate first, exit 1, when the tables are missing', async () => {
    const { status, output } = await runCli(bare.url, '--tickets', '10');
    expect(output).toContain('run npm start or npm run db:migrate first');
    expect(status).toBe(1);
  });

  it('seeds, prints counts and plain progress lines (not a TTY), then replaces on a second run', async () => {
    const firstRun = await runCli(migrated.url, '--tickets', '300', '--seed', '9');
    expect(firstRun.output).toMatch(/^seed: copy tickets/m);
    expect(firstRun.output).toMatch(/tickets\s+300\n/);
    expect(firstRun.output).not.toContain('Truncating');
    expect(firstRun.status).toBe(0);

    const secondRun = await runCli(migrated.url, '--tickets', '200');
    expect(secondRun.output).toContain('has 50 clients, 15 team_members, 14 ticket_types, 300 tickets');
    expect(secondRun.output).toContain(
      'Truncating the seven tables (RESTART IDENTITY CASCADE) and reloading; the cascade also empties accounts, sessions, users.',
    );
    expect(secondRun.status).toBe(0);
    const [row] = await migrated.sql<{ n: number; max: number }[]>`
      select count(*)::int as n, max(id)::int as max from tickets`;
    expect(row).toEqual({ n: 200, max: 200 });
  });
});
