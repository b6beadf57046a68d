// Production builds of the widget bundle and the host, skipped when their inputs are unchanged
// since the last build (so a second `npm start` is fast).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tail } from './service.ts';

export interface BuildSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd: string;
  /** Files and folders whose content decides whether a rebuild is needed. */
  inputs: string[];
  /** Folders under inputs to ignore (build output, caches). */
  ignore: string[];
  /** Where the fingerprint of the last successful build is kept (inside the build output). */
  stampFile: string;
  logFile: string;
}

function walk(entry: string, ignore: Set<string>, out: string[]): void {
  if (ignore.has(entry) || !fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(entry).sort()) walk(path.join(entry, child), ignore, out);
  } else {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function fingerprint(inputs: string[], ignore: string[]): string {
  const files: string[] = [];
  const skip = new Set(ignore);
  for (const input of inputs) walk(input, skip, files);
  return createHash('sha256').update(files.join('\n')).digest('hex');
}

/** Runs the build unless up to date; resolves to whether it ran. Throws with the log tail on failure. */
export async function buildIfStale(spec: BuildSpec): Promise<boolean> {
  const print = fingerprint(spec.inputs, spec.ignore);
  if (fs.existsSync(spec.stampFile) && fs.readFileSync(spec.stampFile, 'utf8') === print) return false;

  fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
  const log = fs.createWriteStream(spec.logFile);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', () => resolve(null));
    child.on('exit', (c) => resolve(c));
  });
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) throw new Error(`${spec.name} build failed (exit ${code}).\n${tail(spec.logFile, 40)}`);
  fs.mkdirSync(path.dirname(spec.stampFile), { recursive: true });
  fs.writeFileSync(spec.stampFile, print);
  return true;
}
