// What the rollups were built with, read from the database itself so the API can never bucket
// differently from the triggers: the report time zone and the histogram bucket bounds.
import type { RlsTransaction } from '../rls.ts';

export interface AnalyticsSettings {
  timeZone: string;
  /** Lower bound of each resolution-time bucket, in seconds (the last bucket is open-ended). */
  bucketLowerSeconds: number[];
  /** Decimal digits per lane of packed counts (see decodeLanes). */
  laneDigits: number;
  /** Lanes per packed number: also the size of a block of clients. */
  lanes: number;
}

let cached: Promise<AnalyticsSettings> | undefined;

export function analyticsSettings(tx: RlsTransaction): Promise<AnalyticsSettings> {
  cached ??= (async () => {
    const [row] = await tx<{ tz: string; hours: number[]; digits: number; lanes: number }[]>`
      select analytics.report_timezone() as tz, analytics.bucket_hours() as hours,
             analytics.lane_digits() as digits, analytics.lanes() as lanes`;
    if (!row) throw new Error('analytics settings are missing');
    return {
      timeZone: row.tz,
      bucketLowerSeconds: row.hours.map((h) => h * 3600),
      laneDigits: row.digits,
      lanes: row.lanes,
    };
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

/** The bucket holding `seconds` (the same rule as analytics.res_bucket()). */
export function bucketOf(seconds: number, lowers: number[]): number {
  let b = 0;
  for (let i = 1; i < lowers.length; i++) if (seconds >= lowers[i]!) b = i;
  return b;
}

/** [lower, upper) of a bucket in seconds; the first is unbounded below, the last above. */
export function bucketRange(bucket: number, lowers: number[]): { lower: number | null; upper: number | null } {
  return {
    lower: bucket === 0 ? null : lowers[bucket]!,
    upper: bucket === lowers.length - 1 ? null : lowers[bucket + 1]!,
  };
}

/**
 * Packed counts (drizzle/0006_*.sql: Σ count(i) · 10^(laneDigits·i), as text) as a list: count i is
 * the i-th group of `laneDigits` digits from the right.
 */
export function decodeLanes(packed: string, lanes: number, laneDigits: number): number[] {
  if (!/^\d+$/.test(packed)) throw new Error(`not packed counts: ${packed.slice(0, 40)}`);
  if (packed.length > lanes * laneDigits) throw new Error(`packed counts have more than ${lanes} lanes`);
  const digits = packed.padStart(lanes * laneDigits, '0');
  return Array.from({ length: lanes }, (_, i) => {
    const end = digits.length - i * laneDigits;
    return Number(digits.slice(end - laneDigits, end));
  });
}
