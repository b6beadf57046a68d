// Display formatting shared by widgets (locale-aware, no library needed for these two).

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatDateTime(epochMs: number): string {
  return absolute.format(epochMs);
}

export function formatAgo(epochMs: number, now: number): string {
  const seconds = Math.round((epochMs - now) / 1000);
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** Recent moments read best relative ("5 min ago"); older ones as a date (with the time unless `dayOnly`). */
export function formatWhen(epochMs: number, now: number, { dayOnly: day = false } = {}): string {
  if (Math.abs(now - epochMs) < 24 * 3600 * 1000) return formatAgo(epochMs, now);
  return day ? dayOnly.format(epochMs) : formatDateTime(epochMs);
}

export function humanize(value: string): string {
  return value.replaceAll('_', ' ');
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** Hours with one decimal; a metric over no tickets is null and shows as a dash. */
export function formatHours(value: number | null): string {
  return value === null ? '—' : `${decimal.format(value)} h`;
}

export function formatRating(value: number | null): string {
  return value === null ? '—' : decimal.format(value);
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${decimal.format(value)}%`;
}

export function formatMoney(value: number): string {
  return money.format(value);
}
