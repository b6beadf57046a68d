// Every number that shapes the generated data: the provided seed.sql's probabilities, volumes and
// texts (quoted from its PL/pgSQL, including its re-drawn CASE branches), and, kept apart in
// `edgeCases`, the few deliberate additions it lacks.
import type { Priority } from './reference-data.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type TicketStatus = 'open' | 'in_progress' | 'resolved' | 'closed';

/** seed.sql generates January..November 2025. */
export const monthsSeeded = 11;
export const seedYear = 2025;

/** seed.sql: `v_base_tickets := 3060 + (v_month * 140)` for month 1..11. */
export function monthlyBaseVolume(month: number): number {
  return 3060 + 140 * month;
}

export const defaultTicketCount = sumOfBaseVolumes(); // 42,900
export const defaultSeed = 1;

/**
 * N tickets over the 11 months in proportion to seed.sql's monthly volumes, by largest remainder
 * (ties to the earlier month) so the parts add up to exactly N. Integer arithmetic throughout:
 * N·weight stays far below 2^53 for any N the ids can hold.
 */
export function monthlyTicketCounts(total: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`ticket count must be a non-negative integer, got ${total}`);
  }
  const weightSum = sumOfBaseVolumes();
  const parts = Array.from({ length: monthsSeeded }, (_, i) => {
    const scaled = total * monthlyBaseVolume(i + 1);
    const remainder = scaled % weightSum;
    return { month: i, count: (scaled - remainder) / weightSum, remainder };
  });
  let missing = total - parts.reduce((sum, p) => sum + p.count, 0);
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || a.month - b.month);
  for (const part of byRemainder) {
    if (missing === 0) break;
    part.count += 1;
    missing -= 1;
  }
  return parts.map((p) => p.count);
}

function sumOfBaseVolumes(): number {
  let sum = 0;
  for (let m = 1; m <= monthsSeeded; m++) sum += monthlyBaseVolume(m);
  return sum;
}

/** Month m (1-based) starts at 00:00 UTC on its first day. */
export function monthStart(month: number): number {
  return Date.UTC(seedYear, month - 1, 1);
}

/** seed.sql: `LEAST(v_month * 5, 50)` — only the first clients open tickets in early months. */
export function clientsActiveInMonth(month: number, clientCount: number): number {
  return Math.min(month * 5, clientCount);
}

export const ticketShape = {
  /** `created_at := month start + RANDOM() * INTERVAL '28 days'` */
  createdWithinMonthMs: 28 * DAY,
  /** `resolved_at := created_at + RANDOM() * INTERVAL '48 hours'` */
  resolutionMs: 48 * HOUR,
  /**
   * `WHEN RANDOM() < 0.70 THEN resolved WHEN RANDOM() < 0.85 THEN in_progress ELSE open`: each WHEN
   * draws again, so in_progress is 0.30·0.85 = 0.255 and open 0.045.
   */
  resolvedBelow: 0.7,
  inProgressBelow: 0.85,
  /** The priority CASE, also re-drawn per WHEN: urgent 0.10, high 0.315, medium 0.4095, low 0.1755. */
  priorityThresholds: [
    [0.1, 'urgent'],
    [0.35, 'high'],
    [0.7, 'medium'],
  ] as const satisfies readonly (readonly [number, Priority])[],
  priorityOtherwise: 'low' as Priority,
} as const;

/**
 * Deliberate additions to seed.sql, so analytics meet cases the provided data never has. Every
 * ticket is still open/in_progress vs resolved in seed.sql's proportions: `closed` is carved out of
 * `resolved` (keeping resolved_at), and unassigned tickets are only ever `open`.
 */
export const edgeCases = {
  /** Share of `open` tickets with assigned_to NULL (they then get no team reply message). */
  unassignedShareOfOpen: 0.4,
  /** Share of resolved tickets whose status becomes `closed`, with closed_at after resolved_at. */
  closedShareOfResolved: 0.1,
  /** closed_at = resolved_at + uniform [min, max): a customer confirmation or an auto-close. */
  closedAfterResolvedMs: { min: 1 * HOUR, max: 7 * DAY },
} as const;

export const messageShape = {
  clientDelayMs: 5 * MINUTE,
  clientText: (typeName: string) => `Hello, I need help with ${typeName}. This is urgent.`,
  replyDelayMs: 30 * MINUTE,
  replyText: "Thank you for contacting us. I'll look into this right away.",
  /** The resolution message is written 15 minutes before resolved_at. */
  resolutionLeadMs: 15 * MINUTE,
  resolutionText: 'This issue has been resolved. Please let me know if you need anything else.',
} as const;

export const feedbackShape = {
  delayAfterResolutionMs: HOUR,
  /** First pass over resolved tickets: `RANDOM() < 0.6`, rating FLOOR(RANDOM()*3+3). */
  positiveBelow: 0.6,
  positiveRatings: { lowest: 3, count: 3 },
  positiveTexts: [
    [0.3, 'Great support!'],
    [0.6, 'Very helpful and quick response.'],
  ] as const,
  positiveOtherwise: 'Issue resolved satisfactorily.',
  /** Second pass over resolved tickets still without feedback: `RANDOM() < 0.15`, rating 1..2. */
  negativeBelow: 0.15,
  negativeRatings: { lowest: 1, count: 2 },
  negativeTexts: [[0.5, 'Took too long to resolve.']] as const,
  negativeOtherwise: 'Not satisfied with the solution.',
} as const;

export const paymentShape = {
  subscriptionByPlan: { starter: 99, professional: 299, enterprise: 999 },
  /** `generate_series(DATE_TRUNC('month', created_at), '2025-11-01', '1 month')`, inclusive. */
  lastSubscriptionMonth: Date.UTC(2025, 10, 1),
  subscriptionPaidAfterMs: DAY,
  /** `WHEN RANDOM() < 0.95 completed WHEN RANDOM() < 0.98 failed ELSE pending`. */
  subscriptionStatus: [
    [0.95, 'completed'],
    [0.98, 'failed'],
  ] as const,
  subscriptionStatusOtherwise: 'pending',
  topUpShareOfClients: 0.4,
  /** `FLOOR(RANDOM() * 4 + 1) * 500.00` */
  topUpUnit: 500,
  topUpUnits: 4,
  topUpPaidAfterMs: 2 * HOUR,
  /**
   * seed.sql spreads top-ups up to NOW(); a fixed instant (the end of the seeded period) keeps the
   * output independent of the day it runs.
   */
  referenceNow: Date.UTC(2025, 10, 30),
  refundChance: 0.02,
  refundLimit: 10,
  refundCreatedAfterMs: 5 * DAY,
} as const;
