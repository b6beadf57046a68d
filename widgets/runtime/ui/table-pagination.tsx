// The pager under a server-paged table: where the viewer is ("Showing 21–40 of 50") and Prev/Next.
import { formatCount } from '../format.ts';

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

const buttonClass =
  'rounded-md border border-line px-2.5 py-1 text-xs text-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent';

export function PaginationBar({
  page,
  pageSize,
  total,
  onPageChange,
  label = 'Pages',
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label?: string;
}) {
  const pages = pageCount(total, pageSize);
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className="flex h-11 items-center justify-between gap-3 border-t border-line px-4 text-xs text-muted">
      <p aria-live="polite" data-pagination-summary="">
        {total === 0 ? 'No rows' : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`}
      </p>
      <div className="flex items-center gap-2">
        <span className="hidden sm:inline">
          Page {formatCount(Math.min(page, pages))} of {formatCount(pages)}
        </span>
        <button type="button" className={buttonClass} disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          <span aria-hidden="true">‹ </span>Prev
        </button>
        <button type="button" className={buttonClass} disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          Next<span aria-hidden="true"> ›</span>
        </button>
      </div>
    </nav>
  );
}
