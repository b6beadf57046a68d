// Stops and resumes a server process tree (SIGSTOP / SIGCONT) found by the port it listens on, so
// a test can take a service away without the stack runner noticing an exit and tearing down.
import { execFileSync } from 'node:child_process';

function listenerPid(port: number): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString();
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`Nothing listens on port ${port}.`);
  return Number(match[1]);
}

function processTree(root: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=']).toString().trim().split('\n');
  const parents = rows.map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Freezes whatever listens on `port` with all its children; the returned function thaws them. */
export function pauseListener(port: number): () => void {
  const pids = processTree(listenerPid(port));
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  return () => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // Already gone: nothing to resume.
      }
    }
  };
}
