// A widget's CSV export as the browser saved it, parsed (RFC 4180: quoted cells, doubled quotes).
import fs from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && next === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Clicks the widget's "Export CSV" and returns the file's rows, the header first (without the BOM). */
export async function exportedCsv(page: Page, widget: Locator): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Export CSV' }).click()]);
  return parseCsv((await fs.readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
}
