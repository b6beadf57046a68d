// Shows seed progress: a live bar on a terminal; on a pipe or CI log, where a redrawn bar turns into
// thousands of lines, one plain line per stage or table and at most one every few seconds otherwise.
import { Presets, SingleBar } from 'cli-progress';
import type { SeedProgress } from './seed-database.ts';

export interface ProgressDisplay {
  update: (progress: SeedProgress) => void;
  stop: () => void;
}

const plainLineIntervalMs = 3000;

export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  return stream.isTTY ? barDisplay(stream) : lineDisplay(stream);
}

/**
 * The bar's scale: the expected row count while copying (message and feedback counts are random, so
 * the real total may pass it), the rows actually written once copying is over.
 */
function rowsTotal(p: SeedProgress): number {
  const copying = p.stage === 'truncate' || p.stage === 'copy';
  return Math.max(copying ? p.rowsExpected : p.rowsWritten, p.rowsWritten, 1);
}

function describe(p: SeedProgress): string {
  if (p.stage === 'copy') return `copy ${p.table ?? ''}`;
  if (p.stage === 'rebuild') return `rebuild ${p.detail ?? ''}`;
  return p.stage;
}

function barDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  const bar = new SingleBar(
    {
      stream,
      format: '{bar} {percentage}% | {rows} rows | {duration_formatted} | {step}',
      hideCursor: true,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { step: describe(p), rows: p.rowsWritten.toLocaleString('en-US') };
      const total = rowsTotal(p);
      if (!started) {
        bar.start(total, p.rowsWritten, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(p.rowsWritten, payload);
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function lineDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  const started = performance.now();
  let lastPhase = '';
  let lastLineAt = 0;
  return {
    update: (p) => {
      // A new line per stage and per table copied; the dozen quick rebuild steps share one.
      const phase = `${p.stage} ${p.table ?? ''}`;
      const now = performance.now();
      if (phase === lastPhase && now - lastLineAt < plainLineIntervalMs) return;
      lastPhase = phase;
      lastLineAt = now;
      const step = describe(p);
      const percent = Math.min(100, Math.floor((100 * p.rowsWritten) / rowsTotal(p)));
      const seconds = ((now - started) / 1000).toFixed(1);
      stream.write(`seed: ${step} — ${p.rowsWritten} rows (~${percent}%), ${seconds} s\n`);
    },
    stop: () => {},
  };
}
