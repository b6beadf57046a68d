// Reproducible random analytics filters (a seeded generator, so a failure or a benchmark run can
// be replayed): every operator, Unassigned and unknown ids, and dates that favour month ends, DST
// changes and the edges of the data.
import type { Filters } from '../../shared/analytics/filters.ts';

export const priorities = ['low', 'medium', 'high', 'urgent'] as const;

export type Random = ReturnType<typeof seededRandom>;

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const subset = <T>(xs: readonly T[], max: number): T[] => Array.from({ length: 1 + int(max) }, () => pick(xs));
  return { next, int, pick, subset };
}

const interestingDays = [
  '2024-12-31', '2025-01-01', '2025-02-28', '2025-03-01', '2025-03-09', '2025-03-10',
  '2025-06-30', '2025-07-01', '2025-11-02', '2025-11-30', '2025-12-01',
];

export function randomDay(r: Random): string {
  if (r.next() < 0.3) return r.pick(interestingDays);
  return new Date(Date.UTC(2024, 11, 1) + r.int(380) * 86_400_000).toISOString().slice(0, 10);
}

export function randomFilters(r: Random, ids: { members: number[]; types: number[] }): Filters {
  const f: Filters = {};
  const c = r.next();
  if (c < 0.2) f.created = { op: 'on', date: randomDay(r) };
  else if (c < 0.5) {
    const from = randomDay(r);
    const days = r.int(r.next() < 0.5 ? 40 : 300);
    f.created = { op: 'between', from, to: new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) };
  } else if (c < 0.6) f.created = { op: 'onOrBefore', date: randomDay(r) };
  else if (c < 0.7) f.created = { op: 'onOrAfter', date: randomDay(r) };
  const op = () => r.pick(['is', 'isNot', 'isAnyOf', 'isNoneOf'] as const);
  const single = (o: string) => o === 'is' || o === 'isNot';
  if (r.next() < 0.5) {
    const o = op();
    const candidates: (number | null)[] = [...ids.members, null, null, 999];
    f.assignee = { op: o, ids: single(o) ? [r.pick(candidates)] : r.subset(candidates, 4) };
  }
  if (r.next() < 0.4) {
    const o = op();
    const candidates = [...ids.types, 999];
    f.ticketType = { op: o, ids: single(o) ? [r.pick(candidates)] : r.subset(candidates, 5) };
  }
  if (r.next() < 0.4) {
    const o = op();
    f.priority = { op: o, values: single(o) ? [r.pick(priorities)] : r.subset(priorities, 3) };
  }
  return f;
}
