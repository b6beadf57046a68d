// The seed's progress as plain lines (a pipe or CI log): each table's rows are named with that
// table, a long copy reports how far it is, and the stages read in order.
import { describe, expect, it } from 'vitest';
import { lineDisplay } from '../../database/seed/progress-display.ts';
import type { SeedProgress } from '../../database/seed/seed-database.ts';

function run(steps: [atMs: number, progress: Omit<SeedProgress, 'rowsExpected'>][]): string[] {
  const lines: string[] = [];
  let clock = 0;
  const display = lineDisplay({ write: (text) => lines.push(text.trimEnd()) }, () => clock);
  for (const [at, p] of steps) {
    clock = at;
    display.update({ ...p, rowsExpected: 1000 });
  }
  display.stop();
  return lines;
}

describe('seed progress lines', () => {
  it('names each copied table with its own rows, not the rows before it', () => {
    expect(
      run([
        [0, { stage: 'truncate', table: null, detail: null, rowsWritten: 0 }],
        [10, { stage: 'copy', table: 'clients', detail: null, rowsWritten: 0 }],
        [20, { stage: 'copy', table: 'clients', detail: null, rowsWritten: 50 }],
        [30, { stage: 'copy', table: 'tickets', detail: null, rowsWritten: 50 }],
        [1000, { stage: 'copy', table: 'tickets', detail: null, rowsWritten: 300 }],
        [3100, { stage: 'copy', table: 'tickets', detail: null, rowsWritten: 650 }],
        [3500, { stage: 'copy', table: 'tickets', detail: null, rowsWritten: 750 }],
        [3600, { stage: 'rebuild', table: null, detail: 'index a', rowsWritten: 750 }],
        [3700, { stage: 'rebuild', table: null, detail: 'index b', rowsWritten: 750 }],
        [9000, { stage: 'analyze', table: null, detail: null, rowsWritten: 750 }],
      ]),
    ).toEqual([
      'seed: truncate (0.0 s)',
      'seed: copy clients (0.0 s)',
      'seed:   clients: 50 rows',
      'seed: copy tickets (0.0 s)',
      'seed:   tickets: 600 rows so far, ~65% of the load (3.1 s)',
      'seed:   tickets: 700 rows',
      'seed: rebuild keys, indexes and rollups (3.6 s)',
      'seed: analyze (9.0 s)',
    ]);
  });
});
