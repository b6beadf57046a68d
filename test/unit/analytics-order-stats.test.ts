import { describe, expect, it } from 'vitest';
import { locate, percentileRanks } from '../../server/analytics/order-stats.ts';
import { histogramBins } from '../../server/analytics/response-time.ts';
import { bucketOf, bucketRange } from '../../server/analytics/settings.ts';
import { emptyTotals, type Totals } from '../../server/analytics/totals.ts';

describe('percentile positions (as percentile_cont)', () => {
  it('interpolates between the two nearest ranks', () => {
    expect(percentileRanks(1, 0.5)).toEqual({ lower: 0, upper: 0, weight: 0 });
    expect(percentileRanks(4, 0.5)).toEqual({ lower: 1, upper: 2, weight: 0.5 });
    expect(percentileRanks(5, 0.5)).toEqual({ lower: 2, upper: 2, weight: 0 });
    const p90 = percentileRanks(11, 0.9);
    expect([p90.lower, p90.upper]).toEqual([9, 9]);
    const odd = percentileRanks(12, 0.9);
    expect([odd.lower, odd.upper, Number(odd.weight.toFixed(6))]).toEqual([9, 10, 0.9]);
  });

  it('locates a rank in a histogram', () => {
    const histogram = [0, 3, 0, 2, 5];
    expect(locate(histogram, 0)).toEqual({ bucket: 1, rank: 0, size: 3 });
    expect(locate(histogram, 3)).toEqual({ bucket: 3, rank: 0, size: 2 });
    expect(locate(histogram, 9)).toEqual({ bucket: 4, rank: 4, size: 5 });
    expect(() => locate(histogram, 10)).toThrow(/beyond/);
  });
});

describe('resolution buckets', () => {
  const lowers = [0, 1, 2, 48, 72].map((h) => h * 3600);
  it('finds the bucket of a duration; the first takes negatives, the last is open', () => {
    expect(bucketOf(-5, lowers)).toBe(0);
    expect(bucketOf(3599.9, lowers)).toBe(0);
    expect(bucketOf(3600, lowers)).toBe(1);
    expect(bucketOf(1e9, lowers)).toBe(4);
    expect(bucketRange(0, lowers)).toEqual({ lower: null, upper: 3600 });
    expect(bucketRange(4, lowers)).toEqual({ lower: 72 * 3600, upper: null });
  });

  it('merges hourly buckets into at most 16 histogram bins that fit the data', () => {
    const hourly = Array.from({ length: 49 }, (_, h) => h * 3600);
    const all = [...hourly, 72, 96].map((v, i) => (i < 49 ? v : v * 3600));
    const withCounts = (counts: Record<number, number>): Map<string, Totals> => {
      const t = emptyTotals(all.length);
      for (const [b, n] of Object.entries(counts)) t.histogram[Number(b)] = n;
      return new Map([['high', t]]);
    };
    // Data up to 10 h: hourly bins.
    const small = histogramBins(withCounts({ 0: 1, 9: 2 }), all);
    expect(small.map((b) => [b.fromHours, b.toHours, b.high])).toEqual(
      Array.from({ length: 10 }, (_, h) => [h, h + 1, h === 0 ? 1 : h === 9 ? 2 : 0]),
    );
    // Data past 48 h: 3-hour bins (16 of them) up to 48 h, then the coarse buckets as they are,
    // up to the last occupied one.
    const wide = histogramBins(withCounts({ 0: 1, 47: 1, 49: 4 }), all);
    expect(wide).toHaveLength(18);
    expect(wide[0]).toMatchObject({ fromHours: 0, toHours: 3, high: 1 });
    expect(wide[15]).toMatchObject({ fromHours: 45, toHours: 48, high: 1 });
    expect(wide[16]).toMatchObject({ fromHours: 48, toHours: 72, high: 0 });
    expect(wide[17]).toMatchObject({ fromHours: 72, toHours: 96, high: 4, low: 0 });
    expect(histogramBins(withCounts({}), all)).toEqual([]);
  });
});
