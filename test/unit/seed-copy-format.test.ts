// COPY text-format encoding of generated rows.
import { describe, expect, it } from 'vitest';
import { money, text, timestamp, ticketsCopy } from '../../database/seed/copy-format.ts';

describe('COPY text encoding', () => {
  it('formats timestamps exactly like Date#toISOString, across days, years and leap days', () => {
    const samples = [
      0,
      1,
      999,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2025, 0, 1),
      Date.UTC(2025, 10, 30, 12, 5, 9, 7),
      Date.UTC(2023, 5, 1, 9),
    ];
    // A deterministic spread over 2023–2026 at millisecond resolution.
    for (let i = 0, ms = Date.UTC(2023, 0, 1); i < 20_000; i++, ms += 6_311_093_417 % (i * 7919 + 1)) {
      samples.push(ms);
    }
    const mismatches = samples.filter((ms) => timestamp(ms) !== new Date(ms).toISOString());
    expect(mismatches).toEqual([]);
    expect(timestamp(null)).toBe('\\N');
  });

  it('escapes backslash, tab, newline and carriage return, and writes NULL as \\N', () => {
    expect(text("I'll look")).toBe("I'll look");
    expect(text('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(text(null)).toBe('\\N');
  });

  it('writes money with two decimals, negative refunds included', () => {
    expect(money(5000)).toBe('5000.00');
    expect(money(-299)).toBe('-299.00');
  });

  it('writes one tab-separated line per ticket, in the declared column order', () => {
    const line = ticketsCopy.line({
      id: 7,
      clientId: 3,
      assignedTo: null,
      ticketTypeId: 2,
      status: 'open',
      priority: 'low',
      title: 'Ticket regarding Billing Question',
      createdAt: Date.UTC(2025, 2, 4, 5, 6, 7, 8),
      resolvedAt: null,
      closedAt: null,
    });
    expect(ticketsCopy.columns).toHaveLength(10);
    expect(line).toBe(
      '7\t3\t\\N\t2\topen\tlow\tTicket regarding Billing Question\t2025-03-04T05:06:07.008Z\t\\N\t\\N\n',
    );
  });
});
