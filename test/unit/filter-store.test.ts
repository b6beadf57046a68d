import { describe, expect, it } from 'vitest';
import type { Filters } from '../../shared/analytics/filters.ts';
import {
  decodeFilters,
  encodeFilters,
  filterStore,
  syncWithUrl,
  urlParameter,
  withPinned,
  type PageLocation,
} from '../../widgets/runtime/filter-store.ts';

const march: Filters = {
  created: { op: 'between', from: '2025-03-01', to: '2025-03-31' },
  assignee: { op: 'isNoneOf', ids: [3, null] },
};

/** A page location with a history of replaced URLs and a way to simulate back/forward. */
function fakeLocation(start: string) {
  let href = start;
  const replaced: string[] = [];
  const listeners = new Set<() => void>();
  const location: PageLocation = {
    href: () => href,
    replace: (url) => {
      replaced.push(url);
      href = url;
    },
    onNavigate: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const navigate = (url: string) => {
    href = url;
    for (const l of listeners) l();
  };
  return { location, replaced, navigate, listeners };
}

const urlWith = (scope: string, filters: Filters) =>
  `https://ops.example.com/dashboard?tab=1&${urlParameter(scope)}=${encodeURIComponent(encodeFilters(filters))}`;

describe('encoding', () => {
  it('round-trips the filter model, Unassigned (null) included', () => {
    expect(decodeFilters(encodeFilters(march))).toEqual({ ok: true, filters: march });
  });

  it('is canonical: equal filters give equal strings whatever the key order', () => {
    const reordered = { assignee: march.assignee, created: march.created } as Filters;
    expect(encodeFilters(reordered)).toBe(encodeFilters(march));
  });

  it('rejects what is not the filter model, with the reason', () => {
    expect(decodeFilters('{oops')).toEqual({ ok: false, error: 'not JSON' });
    expect(decodeFilters('{"priority":{"op":"is","values":["huge"]}}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('priority.values.0'),
    });
    expect(decodeFilters('{"clientId":7}')).toMatchObject({ ok: false });
  });
});

describe('stores', () => {
  it('widgets of one scope share a store; scopes are independent', () => {
    const a = filterStore('scope-a');
    expect(filterStore('scope-a')).toBe(a);
    expect(filterStore('scope-b')).not.toBe(a);
    expect(filterStore()).toBe(filterStore('page'));
    expect(filterStore('  ')).toBe(filterStore('page'));
  });

  it('notifies subscribers of real changes only, and stops after unsubscribing', () => {
    const store = filterStore('scope-notify');
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.set(march);
    store.set({ ...march });
    expect(calls).toBe(1);
    expect(store.get()).toEqual(march);
    unsubscribe();
    store.set({});
    expect(calls).toBe(1);
  });

  it('pinned keys override the scope, other keys come from it', () => {
    const pinned: Filters = { priority: { op: 'is', values: ['urgent'] }, assignee: { op: 'is', ids: [null] } };
    expect(withPinned(march, pinned)).toEqual({ created: march.created, ...pinned });
    expect(withPinned(march, undefined)).toBe(march);
  });
});

describe('syncWithUrl', () => {
  it('starts from the URL, then mirrors changes without adding history entries', () => {
    const store = filterStore('scope-url');
    const page = fakeLocation(urlWith('scope-url', march));
    const stop = syncWithUrl(store, page.location);
    expect(store.get()).toEqual(march);

    const urgent: Filters = { priority: { op: 'isAnyOf', values: ['high', 'urgent'] } };
    store.set(urgent);
    const url = new URL(page.replaced.at(-1)!);
    expect(url.searchParams.get('tab')).toBe('1');
    expect(decodeFilters(url.searchParams.get('ops-filters.scope-url')!)).toEqual({ ok: true, filters: urgent });

    store.set({});
    expect(new URL(page.location.href()).searchParams.has('ops-filters.scope-url')).toBe(false);
    stop();
  });

  it('reads the URL again on back/forward', () => {
    const store = filterStore('scope-nav');
    const page = fakeLocation('https://ops.example.com/dashboard');
    const stop = syncWithUrl(store, page.location);
    expect(store.get()).toEqual({});
    page.navigate(urlWith('scope-nav', march));
    expect(store.get()).toEqual(march);
    page.navigate('https://ops.example.com/dashboard');
    expect(store.get()).toEqual({});
    stop();
  });

  it('ignores an invalid URL value, says why, and leaves the store as it was', () => {
    const store = filterStore('scope-bad');
    store.set(march);
    const errors: string[] = [];
    const page = fakeLocation(`https://ops.example.com/?${urlParameter('scope-bad')}=${encodeURIComponent('{"created":{"op":"on"}}')}`);
    const stop = syncWithUrl(store, page.location, (e) => errors.push(e));
    expect(store.get()).toEqual(march);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^created/);
    stop();
  });

  it('syncs a scope once however many widgets ask, until the last lets go', () => {
    const store = filterStore('scope-shared');
    const page = fakeLocation('https://ops.example.com/');
    const first = syncWithUrl(store, page.location);
    const second = syncWithUrl(store, page.location);
    expect(page.listeners.size).toBe(1);
    first();
    first();
    store.set(march);
    expect(page.replaced).toHaveLength(1);
    second();
    expect(page.listeners.size).toBe(0);
    store.set({});
    expect(page.replaced).toHaveLength(1);
  });
});
