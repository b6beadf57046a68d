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

/** Where plain lines go. */
export interface LineSink {
  write(text: string): unknown;
}

/**
 * A line when a stage or a table's copy starts, and when a copy ends, with the rows it wrote; a long
 * copy also says how far it is every few seconds. Rows are only ever printed beside the table they
 * belong to, so no line reads as another table's count. Nothing at stop: the caller reports the end.
 */
export function lineDisplay(out: LineSink, now: () => number = () => performance.now()): ProgressDisplay {
  const started = now();
  let current: { key: string; table: string | null; rowsAtStart: number } | undefined;
  let lastLineAt = started;
  const seconds = (at: number) => ((at - started) / 1000).toFixed(1);
  return {
    update: (p) => {
      const at = now();
      // Per stage and per table copied; the dozen quick rebuild steps are one.
      const key = `${p.stage} ${p.table ?? ''}`;
      if (key !== current?.key) {
        if (current?.table) out.write(`seed:   ${current.table}: ${p.rowsWritten - current.rowsAtStart} rows\n`);
        const step = p.stage === 'rebuild' ? 'rebuild keys, indexes and rollups' : describe(p);
        out.write(`seed: ${step} (${seconds(at)} s)\n`);
        current = { key, table: p.table, rowsAtStart: p.rowsWritten };
        lastLineAt = at;
      } else if (current.table && at - lastLineAt >= plainLineIntervalMs) {
        const percent = Math.min(100, Math.floor((100 * p.rowsWritten) / rowsTotal(p)));
        out.write(`seed:   ${current.table}: ${p.rowsWritten - current.rowsAtStart} rows so far, ~${percent}% of the load (${seconds(at)} s)\n`);
        lastLineAt = at;
      }
    },
    stop: () => {},
  };
}
