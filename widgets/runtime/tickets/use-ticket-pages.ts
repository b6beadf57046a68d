// One page of `tickets.list` at a time, newest first, for every ticket table (ticket list, inbox,
// portal). The next page is preloaded into the local store so "Next" shows it without a round trip.
import { useQuery, useZero } from '@rocicorp/zero/react';
import { useEffect } from 'react';
import type { z } from 'zod';
import { queries, TICKET_PAGE_MAX, type ticketListArgs } from '../../../shared/zero/queries.ts';
import { useKeysetPages, type Cursor } from '../keyset-pages.ts';
import { queryFailure } from '../status.ts';

export type TicketView = Omit<z.infer<typeof ticketListArgs>, 'after' | 'limit'>;

function listArgs(view: TicketView, pageSize: number, after: Cursor | undefined) {
  // One more row than shown: its presence says there is a next page.
  return { ...view, limit: pageSize + 1, ...(after ? { after } : {}) };
}

/** A `page-size` attribute: a whole number from 1 to TICKET_PAGE_MAX, else the widget's default. */
export function pageSizeOf(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= TICKET_PAGE_MAX ? value : fallback;
}

export type TicketPages = ReturnType<typeof useTicketPages>;

export function useTicketPages(view: TicketView, pageSize: number) {
  const zero = useZero();
  const viewKey = JSON.stringify(view);
  const pages = useKeysetPages(viewKey, pageSize);
  const [rows, result] = useQuery(queries.tickets.list(listArgs(view, pageSize, pages.after)));
  const { shown, next } = pages.pageOf(rows);
  const nextKey = next ? JSON.stringify(next) : undefined;

  useEffect(() => {
    if (!nextKey) return;
    // Keys stand for the inputs by value, so an equal re-render does not preload again.
    const again = JSON.parse(viewKey) as TicketView;
    return zero.preload(queries.tickets.list(listArgs(again, pageSize, JSON.parse(nextKey) as Cursor))).cleanup;
  }, [zero, nextKey, viewKey, pageSize]);

  return {
    shown,
    next,
    pageIndex: pages.pageIndex,
    goNext: () => next && pages.goNext(next),
    goPrevious: pages.goPrevious,
    loading: result.type === 'unknown' && rows.length === 0,
    /** Rows are on screen from the local store but the server has not answered yet. */
    fromCache: result.type === 'unknown' && rows.length > 0,
    error: queryFailure(result, 'The tickets could not be loaded.'),
  };
}
