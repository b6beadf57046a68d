import { describe, expect, it } from 'vitest';
import { sessionMemo } from '../../server/auth/session-memo.ts';

describe('the memo of verified session cookies', () => {
  it('answers for the same cookie until its lifetime ends, then forgets it', () => {
    const memo = sessionMemo<string>(5_000);
    memo.set('session=a', 'user a', 1_000);
    expect(memo.get('session=a', 1_000)).toBe('user a');
    expect(memo.get('session=a', 5_999)).toBe('user a');
    expect(memo.get('session=b', 2_000)).toBeUndefined();
    expect(memo.get('session=a', 6_000)).toBeUndefined();
    // Gone for good: an earlier time does not bring it back.
    expect(memo.get('session=a', 2_000)).toBeUndefined();
  });

  it('starts a new lifetime when set again', () => {
    const memo = sessionMemo<string>(5_000);
    memo.set('session=a', 'first', 0);
    memo.set('session=a', 'second', 4_000);
    expect(memo.get('session=a', 8_000)).toBe('second');
    expect(memo.get('session=a', 9_000)).toBeUndefined();
  });

  it('drops the oldest entries beyond its size', () => {
    const memo = sessionMemo<number>(5_000, 3);
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) memo.set(key, i, 0);
    expect(['a', 'b', 'c', 'd'].map((key) => memo.get(key, 1))).toEqual([undefined, 1, 2, 3]);
    // Setting a key again makes it the newest.
    memo.set('b', 10, 0);
    memo.set('e', 4, 0);
    expect(['b', 'c', 'd', 'e'].map((key) => memo.get(key, 1))).toEqual([10, undefined, 3, 4]);
  });
});
