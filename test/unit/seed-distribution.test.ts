// Distribution checks over one generated sample (the default 42,900 tickets, seed 1). The expected
// shares are seed.sql's, worked out by hand from its re-drawn CASE branches; tolerances are ≥ 4
// standard deviations of the sampling error at this size.
import { describe, expect, it } from 'vitest';
import { clientRows } from '../../database/seed/dataset.ts';
import { generatePayments } from '../../database/seed/payments.ts';
import { referenceTicketTypes } from '../../database/seed/reference-data.ts';
import type { TicketFeedbackRow, TicketMessageRow, TicketRow } from '../../database/seed/rows.ts';
import {
  generateTicketFeedback,
  generateTicketMessages,
  generateTickets,
} from '../../database/seed/tickets.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const options = { tickets: 42_900, seed: 1 };
const tickets: TicketRow[] = [...generateTickets(options)];
const messages: TicketMessageRow[] = [...generateTicketMessages(options)];
const feedback: TicketFeedbackRow[] = [...generateTicketFeedback(options)];
const byId = new Map(tickets.map((t) => [t.id, t]));

function share<T>(rows: readonly T[], predicate: (row: T) => boolean): number {
  return rows.filter(predicate).length / rows.length;
}

/** The first few rows breaking a rule: one assertion per rule, not one per row. */
function violations<T>(rows: readonly T[], rule: (row: T) => boolean): T[] {
  return rows.filter((row) => !rule(row)).slice(0, 3);
}

function ticketOf(ticketId: number): TicketRow {
  const ticket = byId.get(ticketId);
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  return ticket;
}

const resolvedOrClosed = (t: TicketRow) => t.status === 'resolved' || t.status === 'closed';

describe('generated tickets', () => {
  it("keep seed.sql's status split: resolved 0.70 (now resolved + closed), in_progress 0.255, open 0.045", () => {
    expect(Math.abs(share(tickets, resolvedOrClosed) - 0.7)).toBeLessThan(0.01);
    expect(Math.abs(share(tickets, (t) => t.status === 'in_progress') - 0.255)).toBeLessThan(0.01);
    expect(Math.abs(share(tickets, (t) => t.status === 'open') - 0.045)).toBeLessThan(0.005);
  });

  it('close about 10% of resolved tickets, keeping resolved_at ≤ closed_at (1 h to 7 days later)', () => {
    const done = tickets.filter(resolvedOrClosed);
    expect(Math.abs(share(done, (t) => t.status === 'closed') - 0.1)).toBeLessThan(0.01);
    const closedRule = (t: TicketRow) => {
      if (t.status !== 'closed') return t.closedAt === null;
      if (t.resolvedAt === null || t.closedAt === null) return false;
      const gap = t.closedAt - t.resolvedAt;
      return gap >= HOUR && gap < 7 * DAY;
    };
    expect(violations(tickets, closedRule)).toEqual([]);
  });

  it('leave about 40% of open tickets unassigned, and only open ones', () => {
    const open = tickets.filter((t) => t.status === 'open');
    expect(Math.abs(share(open, (t) => t.assignedTo === null) - 0.4)).toBeLessThan(0.05);
    expect(tickets.filter((t) => t.assignedTo === null).every((t) => t.status === 'open')).toBe(true);
  });

  it('have priorities urgent 0.10, high 0.315, medium 0.4095, low 0.1755', () => {
    const expected = { urgent: 0.1, high: 0.315, medium: 0.4095, low: 0.1755 };
    for (const [priority, p] of Object.entries(expected)) {
      expect(Math.abs(share(tickets, (t) => t.priority === priority) - p), priority).toBeLessThan(0.01);
    }
  });

  it('resolve within 0–48 h of creation, and only resolved/closed tickets have resolved_at', () => {
    const resolutionRule = (t: TicketRow) => {
      if (!resolvedOrClosed(t)) return t.resolvedAt === null;
      if (t.resolvedAt === null) return false;
      const hours = (t.resolvedAt - t.createdAt) / HOUR;
      return hours >= 0 && hours < 48;
    };
    expect(violations(tickets, resolutionRule)).toEqual([]);
    // Uniform over 0–48 h: mean 24 h.
    const done = tickets.filter(resolvedOrClosed);
    const mean = done.reduce((sum, t) => sum + ((t.resolvedAt ?? 0) - t.createdAt), 0) / done.length / HOUR;
    expect(Math.abs(mean - 24)).toBeLessThan(0.5);
  });

  it('fall in their month (first 28 days), from the first min(5m, 50) clients, with matching titles', () => {
    const placementRule = (t: TicketRow) => {
      const created = new Date(t.createdAt);
      const month = created.getUTCMonth() + 1;
      return (
        created.getUTCFullYear() === 2025 &&
        t.createdAt - Date.UTC(2025, month - 1, 1) < 28 * DAY &&
        t.clientId >= 1 &&
        t.clientId <= Math.min(5 * month, 50) &&
        t.ticketTypeId >= 1 &&
        t.ticketTypeId <= 14 &&
        t.title === `Ticket regarding ${referenceTicketTypes[t.ticketTypeId - 1]?.name}`
      );
    };
    expect(violations(tickets, placementRule)).toEqual([]);
    const novemberTickets = tickets.filter((t) => new Date(t.createdAt).getUTCMonth() === 10);
    expect(novemberTickets).toHaveLength(4600);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(42_900);
    expect(tickets.at(-1)?.id).toBe(42_900);
  });

  it('spread ticket types and assignees evenly', () => {
    for (let type = 1; type <= 14; type++) {
      expect(Math.abs(share(tickets, (t) => t.ticketTypeId === type) - 1 / 14)).toBeLessThan(0.006);
    }
    const assigned = tickets.filter((t) => t.assignedTo !== null);
    for (let member = 1; member <= 15; member++) {
      expect(Math.abs(share(assigned, (t) => t.assignedTo === member) - 1 / 15)).toBeLessThan(0.006);
    }
  });
});

describe('generated messages', () => {
  it('number tickets + assigned tickets + resolved tickets, with consecutive ids', () => {
    const assigned = tickets.filter((t) => t.assignedTo !== null).length;
    const resolved = tickets.filter((t) => t.resolvedAt !== null).length;
    expect(messages).toHaveLength(tickets.length + assigned + resolved);
    expect(messages.every((m, i) => m.id === i + 1)).toBe(true);
  });

  it("follow seed.sql's three kinds: client +5 min, assignee reply +30 min, resolution at resolved − 15 min", () => {
    const kinds = new Map<number, string[]>();
    const kindOf = (m: TicketMessageRow): string => {
      const t = ticketOf(m.ticketId);
      const typeName = referenceTicketTypes[t.ticketTypeId - 1]?.name;
      if (
        m.fromClient &&
        m.fromTeamMemberId === null &&
        m.createdAt - t.createdAt === 5 * MINUTE &&
        m.messageText === `Hello, I need help with ${typeName}. This is urgent.`
      ) {
        return 'client';
      }
      if (
        !m.fromClient &&
        m.fromTeamMemberId === t.assignedTo &&
        m.createdAt - t.createdAt === 30 * MINUTE &&
        m.messageText === "Thank you for contacting us. I'll look into this right away."
      ) {
        return 'reply';
      }
      if (
        !m.fromClient &&
        m.fromTeamMemberId === t.assignedTo &&
        m.createdAt === (t.resolvedAt ?? 0) - 15 * MINUTE &&
        m.messageText === 'This issue has been resolved. Please let me know if you need anything else.'
      ) {
        return 'resolution';
      }
      return 'unexpected';
    };
    for (const m of messages) kinds.set(m.ticketId, [...(kinds.get(m.ticketId) ?? []), kindOf(m)]);
    const kindsRule = (t: TicketRow) => {
      const expected = ['client'];
      if (t.assignedTo !== null) expected.push('reply');
      if (t.resolvedAt !== null) expected.push('resolution');
      return JSON.stringify(kinds.get(t.id)) === JSON.stringify(expected);
    };
    expect(violations(tickets, kindsRule)).toEqual([]);
  });
});

describe('generated feedback', () => {
  it('is only on resolved or closed tickets, at most one per ticket, 1 h after resolution', () => {
    expect(new Set(feedback.map((f) => f.ticketId)).size).toBe(feedback.length);
    const feedbackRule = (f: TicketFeedbackRow) => {
      const t = ticketOf(f.ticketId);
      return (
        resolvedOrClosed(t) &&
        f.createdAt === (t.resolvedAt ?? 0) + HOUR &&
        Number.isInteger(f.rating) &&
        f.rating >= 1 &&
        f.rating <= 5
      );
    };
    expect(violations(feedback, feedbackRule)).toEqual([]);
  });

  it('reaches 60% + 40%·15% = 66% of resolved tickets: positive (3–5) first, then negative (1–2)', () => {
    const resolved = tickets.filter(resolvedOrClosed).length;
    expect(Math.abs(feedback.length / resolved - 0.66)).toBeLessThan(0.012);
    const positive = feedback.filter((f) => f.rating >= 3);
    expect(Math.abs(positive.length / resolved - 0.6)).toBeLessThan(0.012);
    // Ids: the whole positive pass, then the negative pass, each in ticket order.
    expect(feedback.slice(0, positive.length).every((f) => f.rating >= 3)).toBe(true);
    expect(feedback.every((f, i) => f.id === i + 1)).toBe(true);

    const texts = (rows: TicketFeedbackRow[]) => new Set(rows.map((f) => f.feedbackText));
    expect(texts(positive)).toEqual(
      new Set(['Great support!', 'Very helpful and quick response.', 'Issue resolved satisfactorily.']),
    );
    expect(texts(feedback.filter((f) => f.rating <= 2))).toEqual(
      new Set(['Took too long to resolve.', 'Not satisfied with the solution.']),
    );
    // 'Great support!' 0.3, 'Very helpful…' 0.7·0.6 = 0.42, 'Issue resolved…' 0.28.
    expect(Math.abs(share(positive, (f) => f.feedbackText === 'Great support!') - 0.3)).toBeLessThan(0.015);
    expect(
      Math.abs(share(positive, (f) => f.feedbackText === 'Very helpful and quick response.') - 0.42),
    ).toBeLessThan(0.015);
    for (const rating of [3, 4, 5]) {
      expect(Math.abs(share(positive, (f) => f.rating === rating) - 1 / 3)).toBeLessThan(0.015);
    }
  });
});

describe('generated payments', () => {
  const payments = generatePayments(1);
  const clients = clientRows();
  const price = { starter: 99, professional: 299, enterprise: 999 };

  it('bill each active client monthly from its first full month through 2025-11-01', () => {
    const subscriptions = payments.filter((p) => p.paymentType === 'subscription' && p.amountUsd > 0);
    for (const client of clients) {
      const months: number[] = [];
      for (let m = 0; m <= 10; m++) {
        if (Date.UTC(2025, m, 1) >= client.createdAt) months.push(Date.UTC(2025, m, 1));
      }
      const billed = subscriptions.filter((p) => p.clientId === client.id);
      if (client.status !== 'active') {
        expect(billed).toEqual([]);
        continue;
      }
      expect(billed.map((p) => p.createdAt)).toEqual(months);
      for (const p of billed) {
        expect(p.amountUsd).toBe(price[client.planType]);
        expect(p.paidAt - p.createdAt).toBe(DAY);
        expect(['completed', 'failed', 'pending']).toContain(p.status);
      }
    }
    expect(share(subscriptions, (p) => p.status === 'completed')).toBeGreaterThan(0.85);
  });

  it('add completed top-ups of 500–2000 between client creation and the fixed "now"', () => {
    const topUps = payments.filter((p) => p.paymentType === 'top-up');
    expect(topUps.length).toBeGreaterThan(5);
    expect(topUps.length).toBeLessThan(40);
    for (const p of topUps) {
      const client = clients[p.clientId - 1];
      expect([500, 1000, 1500, 2000]).toContain(p.amountUsd);
      expect(p.status).toBe('completed');
      expect(p.createdAt).toBeGreaterThanOrEqual(client?.createdAt ?? Infinity);
      expect(p.createdAt).toBeLessThan(Date.UTC(2025, 10, 30));
      expect(p.paidAt - p.createdAt).toBe(2 * HOUR);
    }
  });

  it('refund at most 10 completed payments, 5 days after they were paid', () => {
    const refunds = payments.filter((p) => p.status === 'refunded');
    expect(refunds.length).toBeLessThanOrEqual(10);
    for (const r of refunds) {
      expect(r.paymentType).toBe('subscription');
      const original = payments.find(
        (p) => p.status === 'completed' && p.clientId === r.clientId && p.paidAt === r.paidAt,
      );
      expect(original?.amountUsd).toBe(-r.amountUsd);
      expect(r.createdAt - r.paidAt).toBe(5 * DAY);
    }
    expect(payments.map((p) => p.id)).toEqual(payments.map((_, i) => i + 1));
  });
});
