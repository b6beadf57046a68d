// Calendar days in the reporting time zone. A day filter means that day's midnight-to-midnight in
// REPORT_TIMEZONE, so every date bound becomes an instant and every range is half-open
// [from, to) over created_at — which an index on created_at serves directly.
import { TZDate } from '@date-fns/tz';
import type { CreatedFilter } from './filters.ts';

export interface InstantRange {
  /** Inclusive lower bound (epoch ms), or unbounded. */
  from?: number;
  /** Exclusive upper bound (epoch ms), or unbounded. */
  to?: number;
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

/** The instant a calendar day starts in `timeZone`. */
export function dayStart(day: string, timeZone: string): number {
  const [y, m, d] = parts(day);
  return new TZDate(y, m - 1, d, timeZone).getTime();
}

/** The calendar day after `day` (plain Gregorian arithmetic, no time zone involved). */
function nextDay(day: string): string {
  return addDays(day, 1);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** First day of the month of a calendar day: "2025-03-17" → "2025-03-01". */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** First day of the month after the month of `day`. */
export function nextMonth(day: string): string {
  const [y, m] = parts(day);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** The calendar days a created filter covers: [first, last] inclusive, either side open. */
export function dayRange(created: CreatedFilter): { first?: string; last?: string } {
  switch (created.op) {
    case 'on':
      return { first: created.date, last: created.date };
    case 'between':
      return { first: created.from, last: created.to };
    case 'onOrBefore':
      return { last: created.date };
    case 'onOrAfter':
      return { first: created.date };
  }
}

export function instantRange(days: { first?: string; last?: string }, timeZone: string): InstantRange {
  return {
    ...(days.first === undefined ? {} : { from: dayStart(days.first, timeZone) }),
    ...(days.last === undefined ? {} : { to: dayStart(nextDay(days.last), timeZone) }),
  };
}

/** The calendar day (in `timeZone`) an instant falls on. */
export function dayOf(epochMs: number, timeZone: string): string {
  const t = new TZDate(epochMs, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** Whether this runtime knows the IANA time zone (config and query arguments both check it). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
