import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayStart, daysBetween, instantRange, nextMonth } from '../../shared/analytics/calendar.ts';
import { splitByMonths } from '../../server/analytics/scope.ts';
import { periodOf, periodsBetween } from '../../server/analytics/tickets-over-time.ts';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const ny = 'America/New_York';

describe('calendar days in a time zone', () => {
  it('starts days at local midnight, across DST changes', () => {
    expect(iso(dayStart('2025-03-04', 'UTC'))).toBe('2025-03-04T00:00:00.000Z');
    expect(iso(dayStart('2025-03-04', ny))).toBe('2025-03-04T05:00:00.000Z');
    // 2025-03-09 is 23 hours long in New York, 2025-11-02 is 25.
    expect(dayStart('2025-03-10', ny) - dayStart('2025-03-09', ny)).toBe(23 * 3_600_000);
    expect(dayStart('2025-11-03', ny) - dayStart('2025-11-02', ny)).toBe(25 * 3_600_000);
    expect(iso(dayStart('2025-07-01', 'Asia/Kolkata'))).toBe('2025-06-30T18:30:00.000Z');
  });

  it('maps instants back to local days', () => {
    expect(dayOf(Date.parse('2025-03-04T04:59:59Z'), ny)).toBe('2025-03-03');
    expect(dayOf(Date.parse('2025-03-04T05:00:00Z'), ny)).toBe('2025-03-04');
    expect(dayOf(Date.parse('2025-12-31T23:00:00Z'), 'Europe/Berlin')).toBe('2026-01-01');
  });

  it('does plain date arithmetic', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(nextMonth('2025-12-15')).toBe('2026-01-01');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
  });

  it('turns inclusive days into half-open instants', () => {
    const r = instantRange({ first: '2025-03-09', last: '2025-03-09' }, ny);
    expect([iso(r.from), iso(r.to)]).toEqual(['2025-03-09T05:00:00.000Z', '2025-03-10T04:00:00.000Z']);
    expect(instantRange({}, ny)).toEqual({});
  });
});

describe('splitting a range into whole months and partial edges', () => {
  const split = (first: string | undefined, last: string | undefined, tz = 'UTC') => {
    const s = splitByMonths(instantRange({ first, last }, tz), tz);
    return { months: s.months, edges: s.edges.map((e) => [iso(e.from), iso(e.to)]) };
  };

  it('reads whole months from rollups and the rest from raw rows', () => {
    expect(split('2025-03-10', '2025-07-20')).toEqual({
      months: { from: '2025-04-01', to: '2025-07-01' },
      edges: [
        ['2025-03-10T00:00:00.000Z', '2025-04-01T00:00:00.000Z'],
        ['2025-07-01T00:00:00.000Z', '2025-07-21T00:00:00.000Z'],
      ],
    });
  });

  it('needs no raw rows for exact months', () => {
    expect(split('2025-02-01', '2025-04-30')).toEqual({ months: { from: '2025-02-01', to: '2025-05-01' }, edges: [] });
    expect(split(undefined, undefined)).toEqual({ months: {}, edges: [] });
    expect(split('2025-02-01', undefined)).toEqual({ months: { from: '2025-02-01' }, edges: [] });
  });

  it('reads a range inside one month from raw rows only', () => {
    expect(split('2025-03-04', '2025-03-04')).toEqual({
      months: null,
      edges: [['2025-03-04T00:00:00.000Z', '2025-03-05T00:00:00.000Z']],
    });
    expect(split('2025-03-02', '2025-04-15').months).toBeNull();
  });

  it('handles open sides', () => {
    expect(split(undefined, '2025-03-15')).toEqual({
      months: { to: '2025-03-01' },
      edges: [['2025-03-01T00:00:00.000Z', '2025-03-16T00:00:00.000Z']],
    });
    expect(split('2025-03-15', undefined)).toEqual({
      months: { from: '2025-04-01' },
      edges: [['2025-03-15T00:00:00.000Z', '2025-04-01T00:00:00.000Z']],
    });
  });

  it('cuts months at local midnight', () => {
    expect(split('2025-03-10', '2025-04-30', ny)).toEqual({
      months: { from: '2025-04-01', to: '2025-05-01' },
      edges: [['2025-03-10T04:00:00.000Z', '2025-04-01T04:00:00.000Z']],
    });
  });
});

describe('time-series periods', () => {
  it('names months, ISO weeks (by Monday) and days', () => {
    expect(periodOf('2025-03-09', 'month')).toBe('2025-03');
    expect(periodOf('2025-03-09', 'week')).toBe('2025-03-03');
    expect(periodOf('2025-03-10', 'week')).toBe('2025-03-10');
    expect(periodOf('2025-03-09', 'day')).toBe('2025-03-09');
  });

  it('lists every period of a range, empty ones included', () => {
    expect(periodsBetween({ from: '2025-01-15', to: '2025-04-02' }, 'month')).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(periodsBetween({ from: '2025-03-05', to: '2025-03-18' }, 'week')).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(periodsBetween({ from: '2025-02-27', to: '2025-03-02' }, 'day')).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
  });
});
