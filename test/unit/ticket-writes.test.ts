// The pure pieces of ticket writes and searches: placeholder ids, the title search pattern, and the
// argument schemas' messages (what a user reads beside a field).
import { describe, expect, it } from 'vitest';
import { createTicketArgs, leaveFeedbackArgs } from '../../shared/zero/mutator-args.ts';
import { placeholderId } from '../../shared/zero/mutators.ts';
import { containsPattern } from '../../shared/zero/queries.ts';

describe('placeholderId', () => {
  it('is negative, an integer, and the same for the same uuid (a replayed mutation keeps its row)', () => {
    const uuid = '9b2f0c1e-7a55-4c1d-9e0f-3a1b2c3d4e5f';
    expect(placeholderId(uuid)).toBe(-(0x9b2f0c1e7a55 + 1));
    expect(placeholderId(uuid)).toBe(placeholderId(uuid));
    expect(Number.isSafeInteger(placeholderId('ffffffff-ffff-4fff-bfff-ffffffffffff'))).toBe(true);
    expect(placeholderId('00000000-0000-4000-8000-000000000000')).toBe(-1);
  });
});

describe('containsPattern', () => {
  it.each([
    ['invoice', '%invoice%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%s → %s', (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});

describe('argument messages', () => {
  const valid = { uuid: '9b2f0c1e-7a55-4c1d-9e0f-3a1b2c3d4e5f', title: 'Printer', ticketTypeId: 1, priority: 'low', message: 'm' };
  const messages = (value: unknown) => {
    const parsed = createTicketArgs.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a valid ticket and trims its text', () => {
    expect(createTicketArgs.parse({ ...valid, title: '  Printer  ' }).title).toBe('Printer');
  });

  it.each([
    [{ title: '   ' }, ['title: Title cannot be empty', 'title: Title needs at least 3 characters']],
    [{ title: 'x'.repeat(256) }, ['title: Title is too long (at most 255 characters)']],
    [{ message: '' }, ['message: Message cannot be empty']],
    [{ priority: 'asap' }, ['priority: Priority must be one of low, medium, high, urgent']],
    [{ uuid: 'not-a-uuid' }, ['uuid: The ticket needs a uuid made by the client']],
  ])('refuses %j', (change, expected) => {
    expect(messages({ ...valid, ...change })).toEqual(expected);
  });

  it.each([0, 6, 4.5])('refuses the rating %s', (rating) => {
    expect(leaveFeedbackArgs.safeParse({ ticketId: 1, rating }).success).toBe(false);
  });
});
