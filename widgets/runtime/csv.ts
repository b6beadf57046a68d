// CSV of exactly what a widget shows: RFC 4180 quoting, a BOM so spreadsheet apps read UTF-8, and
// cells that start like a formula prefixed so opening the file never runs one (CSV injection).
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvTable {
  /** File name without extension. */
  name: string;
  header: string[];
  rows: CsvCell[][];
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Pick<CsvTable, 'header' | 'rows'>): string {
  return [table.header, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(table: CsvTable): void {
  const blob = new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${table.name}.csv`;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
