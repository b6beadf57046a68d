// The pager under every paged table: where the viewer is ("Showing 21–40 of 50") and Previous /
// Next, with one look and one set of accessible names across widgets. Server-paged tables know the
// page number (PaginationBar); keyset-paged ones only whether there is a page before and after (Pager).
import { formatCount } from '../format.ts';

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "Showing 21–40 of 50"; without a total (not known yet) "Showing 21–40". */
export function showingRange(first: number, last: number, total?: number): string {
  return `Showing ${formatCount(first)}–${formatCount(last)}${total === undefined ? '' : ` of ${formatCount(total)}`}`;
}

const buttonClass =
  'rounded-md border border-line px-3 py-1 text-xs text-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent';

interface PagerProps {
  summary: string;
  /** "Page 2 of 5", where the page number is known. */
  position?: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  label?: string;
  /** Height, border and padding: the default sits under a full-width table. */
  frameClass?: string;
}

export function Pager({ summary, position, hasPrevious, hasNext, onPrevious, onNext, label = 'Pages', frameClass = 'h-11 border-t border-line px-4' }: PagerProps) {
  return (
    <nav aria-label={label} className={`flex items-center justify-between gap-3 text-xs text-muted ${frameClass}`}>
      <p aria-live="polite" data-range="" className="tabular-nums">
        {summary}
      </p>
      <div className="flex items-center gap-2">
        {position && <span className="hidden tabular-nums sm:inline">{position}</span>}
        <button type="button" className={buttonClass} disabled={!hasPrevious} onClick={onPrevious}>
          Previous
        </button>
        <button type="button" className={buttonClass} disabled={!hasNext} onClick={onNext}>
          Next
        </button>
      </div>
    </nav>
  );
}

export function PaginationBar({
  page,
  pageSize,
  total,
  onPageChange,
  label,
  emptyText = 'No rows',
  frameClass,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label?: string;
  emptyText?: string;
  frameClass?: string;
}) {
  const pages = pageCount(total, pageSize);
  const first = (page - 1) * pageSize + 1;
  return (
    <Pager
      summary={total === 0 ? emptyText : showingRange(first, Math.min(total, page * pageSize), total)}
      position={`Page ${formatCount(Math.min(page, pages))} of ${formatCount(pages)}`}
      hasPrevious={page > 1}
      hasNext={page < pages}
      onPrevious={() => onPageChange(page - 1)}
      onNext={() => onPageChange(page + 1)}
      label={label}
      frameClass={frameClass}
    />
  );
}
