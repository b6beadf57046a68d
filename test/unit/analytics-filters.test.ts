import { describe, expect, it } from 'vitest';
import { filtersSchema, type Filters } from '../../shared/analytics/filters.ts';
import { matchesTicket, ticketPredicates, type TicketFields } from '../../shared/analytics/predicates.ts';

const utc = 'UTC';
const at = (iso: string) => Date.parse(iso);
const row = (fields: Partial<TicketFields>): TicketFields => ({
  createdAt: at('2025-03-04T12:00:00Z'),
  assignedTo: 3,
  ticketTypeId: 1,
  priority: 'high',
  ...fields,
});
const matches = (filters: Filters, fields: Partial<TicketFields>, timeZone = utc) =>
  matchesTicket(row(fields), ticketPredicates(filtersSchema.parse(filters), timeZone));

describe('the filter schema', () => {
  it('accepts every operator of the model', () => {
    const filters = {
      created: { op: 'between', from: '2025-01-01', to: '2025-03-31' },
      assignee: { op: 'isAnyOf', ids: [3, null] },
      ticketType: { op: 'isNoneOf', ids: [1, 5] },
      priority: { op: 'isNot', values: ['urgent'] },
    };
    expect(filtersSchema.parse(filters)).toEqual(filters);
    expect(filtersSchema.parse({})).toEqual({});
  });

  it('says what is wrong, per field', () => {
    const issues = (value: unknown) =>
      filtersSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ created: { op: 'between', from: '2025-03-01', to: '2025-02-01' } })).toEqual([
      'created.to: must not be before "from"',
    ]);
    expect(issues({ created: { op: 'on', date: '2025-02-30' } })).toEqual(['created.date: must be a calendar day like 2025-03-04']);
    expect(issues({ assignee: { op: 'is', ids: [1, 2] } })).toEqual(['assignee.ids: "is" and "isNot" take exactly one value']);
    expect(issues({ assignee: { op: 'isAnyOf', ids: [] } })).toEqual(['assignee.ids: name at least one assignee']);
    expect(issues({ ticketType: { op: 'isAnyOf', ids: [null] } })).toEqual(['ticketType.ids.0: must be a number']);
    expect(issues({ priority: { op: 'is', values: ['critical'] } })).toEqual([
      'priority.values.0: must be one of low, medium, high, urgent',
    ]);
    expect(issues({ priority: { op: 'maybe', values: ['low'] } })).toEqual([
      'priority.op: must be one of is, isNot, isAnyOf, isNoneOf',
    ]);
    expect(issues({ status: 'open' })?.[0]).toMatch(/status/);
  });
});

describe('filter semantics (the reference evaluator)', () => {
  it('is / isAnyOf keep only the listed values; NULL only when listed', () => {
    expect(matches({ assignee: { op: 'is', ids: [3] } }, {})).toBe(true);
    expect(matches({ assignee: { op: 'is', ids: [3] } }, { assignedTo: null })).toBe(false);
    expect(matches({ assignee: { op: 'is', ids: [null] } }, { assignedTo: null })).toBe(true);
    expect(matches({ assignee: { op: 'is', ids: [null] } }, {})).toBe(false);
    expect(matches({ assignee: { op: 'isAnyOf', ids: [1, null] } }, { assignedTo: null })).toBe(true);
    expect(matches({ assignee: { op: 'isAnyOf', ids: [1, 2] } }, { assignedTo: null })).toBe(false);
  });

  it('isNot / isNoneOf keep NULL rows unless null is listed', () => {
    expect(matches({ assignee: { op: 'isNot', ids: [3] } }, {})).toBe(false);
    expect(matches({ assignee: { op: 'isNot', ids: [3] } }, { assignedTo: null })).toBe(true);
    expect(matches({ assignee: { op: 'isNot', ids: [null] } }, { assignedTo: null })).toBe(false);
    expect(matches({ assignee: { op: 'isNot', ids: [null] } }, {})).toBe(true);
    expect(matches({ assignee: { op: 'isNoneOf', ids: [1, 2] } }, { assignedTo: null })).toBe(true);
    expect(matches({ assignee: { op: 'isNoneOf', ids: [1, null] } }, { assignedTo: null })).toBe(false);
    expect(matches({ priority: { op: 'isNoneOf', values: ['low', 'high'] } }, {})).toBe(false);
    expect(matches({ priority: { op: 'isNoneOf', values: ['low'] } }, { priority: null })).toBe(true);
    expect(matches({ ticketType: { op: 'isNot', ids: [2] } }, {})).toBe(true);
  });

  it('combines filters with AND', () => {
    const filters: Filters = { assignee: { op: 'is', ids: [3] }, priority: { op: 'isAnyOf', values: ['low', 'high'] } };
    expect(matches(filters, {})).toBe(true);
    expect(matches(filters, { priority: 'urgent' })).toBe(false);
    expect(matches(filters, { assignedTo: 4 })).toBe(false);
  });

  it('treats dates as whole days, inclusive, in the reporting time zone', () => {
    const on = { created: { op: 'on', date: '2025-03-04' } } as const;
    expect(matches(on, { createdAt: at('2025-03-04T00:00:00Z') })).toBe(true);
    expect(matches(on, { createdAt: at('2025-03-04T23:59:59.999Z') })).toBe(true);
    expect(matches(on, { createdAt: at('2025-03-05T00:00:00Z') })).toBe(false);
    expect(matches(on, { createdAt: at('2025-03-03T23:59:59.999Z') })).toBe(false);
    // New York is 5 hours behind UTC in March before DST.
    const ny = 'America/New_York';
    expect(matches(on, { createdAt: at('2025-03-04T04:59:59Z') }, ny)).toBe(false);
    expect(matches(on, { createdAt: at('2025-03-04T05:00:00Z') }, ny)).toBe(true);
    expect(matches(on, { createdAt: at('2025-03-05T04:59:59Z') }, ny)).toBe(true);
    expect(matches(on, { createdAt: at('2025-03-05T05:00:00Z') }, ny)).toBe(false);
    expect(matches({ created: { op: 'onOrBefore', date: '2025-03-04' } }, { createdAt: at('2020-01-01T00:00:00Z') })).toBe(true);
    expect(matches({ created: { op: 'onOrAfter', date: '2025-03-05' } }, {})).toBe(false);
    expect(matches(on, { createdAt: null })).toBe(false);
    expect(matches({}, { createdAt: null })).toBe(true);
  });

  it('deduplicates listed values', () => {
    const p = ticketPredicates({ ticketType: { op: 'isAnyOf', ids: [2, 2, 5] } }, utc);
    expect(p.sets).toEqual([{ column: 'ticketTypeId', mode: 'in', values: [2, 5], nulls: false }]);
  });
});
