// db:seed's command-line handling. Bad input must be rejected (exit 2) before any database is
// contacted, so these run without Postgres; DATABASE_URL points at a port nothing listens on.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, ['database/seed/cli.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: 'postgresql://nobody:secret@127.0.0.1:9/none' },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('db:seed command line', () => {
  it.each([
    [['--tickets', '-5'], /--tickets must be a whole number from 0 to 100000000, got "-5"/],
    [['--tickets=-5'], /--tickets must be a whole number/],
    [['--tickets', '1.5'], /--tickets must be a whole number from 0 to 100000000, got "1.5"/],
    [['--tickets', 'lots'], /--tickets must be a whole number/],
    [['--tickets', '1e6'], /--tickets must be a whole number/],
    [['--tickets', '100000001'], /--tickets must be a whole number/],
    [['--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295/],
    [['--tikets', '10'], /Unknown option '--tikets'/],
    [['extra'], /positional argument/],
    [['--tickets'], /argument missing/],
  ])('rejects %j with exit code 2 and the usage', (args, message) => {
    const { status, stderr } = runCli(...args);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run db:seed');
    expect(status).toBe(2);
  });

  it('prints the usage for --help', () => {
    const { status, stdout } = runCli('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--tickets N');
  });

  it('exits 1 with a clear message when the database cannot be reached', () => {
    const { status, stderr } = runCli('--tickets', '10');
    expect(status).toBe(1);
    expect(stderr).toContain('db:seed failed against postgresql://nobody:***@127.0.0.1:9/none');
    expect(stderr).not.toContain('secret');
  });
});
