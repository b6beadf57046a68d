// Keyset pagination state for a Zero ticket query: the cursors of the pages walked so far. A new
// view (other filters, search, page size) starts again at the first page.
import { useViewState } from './view-state.ts';

export type Cursor = { id: number; createdAt: number };

interface Row {
  id: number;
  createdAt: number | null;
}

export interface KeysetPages {
  /** The cursor the current page starts after (undefined on the first page). */
  after: Cursor | undefined;
  pageIndex: number;
  /** Splits the query's rows (it asks for one more than a page) into the page and the next cursor. */
  pageOf: <R extends Row>(rows: readonly R[]) => { shown: R[]; next: Cursor | undefined };
  goNext: (cursor: Cursor) => void;
  goPrevious: () => void;
}

/** `view` stands for everything the pages depend on, by value (e.g. a JSON string). */
export function useKeysetPages(view: string, pageSize: number): KeysetPages {
  const [cursors, setCursors] = useViewState<(Cursor | undefined)[]>(view, [undefined]);
  return {
    after: cursors.at(-1),
    pageIndex: cursors.length - 1,
    pageOf: (rows) => {
      const shown = rows.slice(0, pageSize);
      const last = shown.at(-1);
      const next = rows.length > pageSize && last && last.createdAt !== null ? { id: last.id, createdAt: last.createdAt } : undefined;
      return { shown, next };
    },
    goNext: (cursor) => setCursors([...cursors, cursor]),
    goPrevious: () => setCursors(cursors.slice(0, -1)),
  };
}
