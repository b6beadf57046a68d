// Runs one long-lived process of the stack: its own process group (so a stop reaches every worker it
// forks), output to a log file and optionally to the console with a prefix, a readiness probe, and a
// bounded graceful stop that escalates to SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  logFile: string;
  /** Echo output to the console (prefixed) as well as the log file. */
  echo?: boolean;
  /** Lines matching this are kept out of the console echo (they stay in the log file). */
  quietLines?: RegExp;
  /** Resolves true once the service answers. Polled until readyTimeoutMs. */
  ready: () => Promise<boolean>;
  readyTimeoutMs: number;
  /** Postgres shuts down fastest on SIGINT; Node services on SIGTERM. */
  stopSignal?: NodeJS.Signals;
}

export class ServiceError extends Error {}

const colours = [36, 35, 33, 32, 34, 31];
let nextColour = 0;

/** Every service of this process still running, in start order (for a stop during start-up). */
const live: Service[] = [];

/** Stops every running service, the last started first. */
export async function stopAllServices(): Promise<void> {
  for (const service of [...live].reverse()) await service.stop();
}

export class Service {
  readonly spec: ServiceSpec;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private stopping = false;

  private constructor(spec: ServiceSpec) {
    this.spec = spec;
    fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
    const log = fs.createWriteStream(spec.logFile, { flags: 'a' });
    log.write(`\n--- ${new Date().toISOString()} start: ${spec.command} ${spec.args.join(' ')}\n`);
    this.child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      uid: spec.uid,
      gid: spec.gid,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = `\x1b[${colours[nextColour++ % colours.length]}m[${spec.name}]\x1b[0m `;
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        log.write(chunk);
        if (spec.echo) {
          const lines = chunk.toString('utf8').replace(/\n$/, '').split('\n');
          const shown = spec.quietLines ? lines.filter((l) => !spec.quietLines?.test(l)) : lines;
          if (shown.length > 0) process.stdout.write(`${shown.map((l) => prefix + l).join('\n')}\n`);
        }
      });
    }
    live.push(this);
    this.exited = new Promise((resolve) => {
      this.child.on('error', (err) => {
        log.write(`spawn error: ${err.message}\n`);
        resolve(null);
      });
      this.child.on('exit', (code, signal) => {
        log.end(`--- exit code=${code} signal=${signal}\n`);
        live.splice(live.indexOf(this), 1);
        resolve(code);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Starts the process and waits until its probe answers; on failure shows the end of its log. */
  static async start(spec: ServiceSpec): Promise<Service> {
    const service = new Service(spec);
    const deadline = Date.now() + spec.readyTimeoutMs;
    let exited = false;
    void service.exited.then(() => {
      exited = true;
    });
    while (Date.now() < deadline) {
      if (exited) {
        throw new ServiceError(`${spec.name} exited during start-up.\n${tail(spec.logFile)}`);
      }
      if (await spec.ready().catch(() => false)) return service;
      await sleep(150);
    }
    await service.stop();
    throw new ServiceError(
      `${spec.name} did not become ready within ${spec.readyTimeoutMs / 1000} s.\n${tail(spec.logFile)}`,
    );
  }

  /** Graceful stop of the whole process group, SIGKILL after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
    signalGroup(pid, this.spec.stopSignal ?? 'SIGTERM');
    const grace = sleep(graceMs, false, { ref: false });
    const done = await Promise.race([this.exited.then(() => true), grace]);
    if (!done) {
      signalGroup(pid, 'SIGKILL');
      await this.exited;
    }
    // Workers forked by the service may outlive its main process for a moment.
    signalGroup(pid, 'SIGKILL');
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 25): string {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return `--- last lines of ${file}:\n${text.slice(-lines).join('\n')}`;
  } catch {
    return `(no log at ${file})`;
  }
}

/** Throws a clear error when something already listens on the port. */
export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '::', ipv6Only: false }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new ServiceError(
      `Port ${port} (${what}) is already in use. Stop whatever holds it (\`ss -ltnp 'sport = :${port}'\`) ` +
        `or choose another port with ${envVar}=<port>.`,
    );
  }
}

/** True when an HTTP GET answers with a status below 500. */
export async function httpAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status < 500;
  } catch {
    return false;
  }
}
