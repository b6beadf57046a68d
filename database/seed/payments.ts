// seed.sql's three payment INSERTs: monthly subscriptions, top-ups, refunds. A few hundred rows that
// depend only on the seed (they draw from their own random stream, not the tickets').
import { paymentShape } from './distribution.ts';
import { createRandom, type Random } from './random.ts';
import { referenceClients } from './reference-data.ts';
import type { PaymentRow, PaymentStatus } from './rows.ts';

type UnnumberedPayment = Omit<PaymentRow, 'id'>;

export function generatePayments(seed: number): PaymentRow[] {
  const random = createRandom(seed, 'payments');
  const subscriptions = subscriptionPayments(random);
  const topUps = topUpPayments(random);
  const refunds = refundPayments(random, [...subscriptions, ...topUps]);
  return [...subscriptions, ...topUps, ...refunds].map((p, i) => ({ id: i + 1, ...p }));
}

/**
 * One payment per active client per month, from the first month start at or after the client's
 * created_at (`generate_series >= c.created_at`) through 2025-11-01.
 */
function subscriptionPayments(random: Random): UnnumberedPayment[] {
  const rows: UnnumberedPayment[] = [];
  referenceClients.forEach((client, index) => {
    if (client.status !== 'active') return;
    const createdAt = Date.parse(client.createdAt);
    const first = new Date(createdAt);
    for (
      let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
      month <= paymentShape.lastSubscriptionMonth;
      month = nextMonth(month)
    ) {
      if (month < createdAt) continue;
      rows.push({
        clientId: index + 1,
        amountUsd: paymentShape.subscriptionByPlan[client.plan],
        paymentType: 'subscription',
        status: subscriptionStatus(random),
        paidAt: month + paymentShape.subscriptionPaidAfterMs,
        createdAt: month,
      });
    }
  });
  return rows;
}

function subscriptionStatus(random: Random): PaymentStatus {
  for (const [below, status] of paymentShape.subscriptionStatus) {
    if (random.next() < below) return status;
  }
  return paymentShape.subscriptionStatusOtherwise;
}

/** ~40% of all clients (inactive ones too, as in seed.sql) made one top-up before "now". */
function topUpPayments(random: Random): UnnumberedPayment[] {
  const rows: UnnumberedPayment[] = [];
  referenceClients.forEach((client, index) => {
    if (random.next() >= paymentShape.topUpShareOfClients) return;
    const clientCreated = Date.parse(client.createdAt);
    const createdAt =
      clientCreated + Math.floor(random.next() * (paymentShape.referenceNow - clientCreated));
    rows.push({
      clientId: index + 1,
      amountUsd: (random.below(paymentShape.topUpUnits) + 1) * paymentShape.topUpUnit,
      paymentType: 'top-up',
      status: 'completed',
      paidAt: createdAt + paymentShape.topUpPaidAfterMs,
      createdAt,
    });
  });
  return rows;
}

/**
 * Up to 10 refunds of completed payments (2% chance each, in insertion order). As in seed.sql a
 * refund is typed 'subscription' even when it reverses a top-up.
 */
function refundPayments(random: Random, earlier: UnnumberedPayment[]): UnnumberedPayment[] {
  const rows: UnnumberedPayment[] = [];
  for (const payment of earlier) {
    if (rows.length === paymentShape.refundLimit) break;
    if (payment.status !== 'completed' || random.next() >= paymentShape.refundChance) continue;
    rows.push({
      clientId: payment.clientId,
      amountUsd: -payment.amountUsd,
      paymentType: 'subscription',
      status: 'refunded',
      paidAt: payment.paidAt,
      createdAt: payment.paidAt + paymentShape.refundCreatedAfterMs,
    });
  }
  return rows;
}

function nextMonth(monthStart: number): number {
  const d = new Date(monthStart);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
