// Table header cells shared by the table widgets: a sortable column is a <th> carrying aria-sort
// with a real <button> inside (keyboard and screen readers get the toggle and the current order);
// a plain column keeps the same padding so headers line up.
import type { ReactNode } from 'react';

export type SortDirection = 'asc' | 'desc' | false;

export function ariaSortOf(direction: SortDirection): 'ascending' | 'descending' | 'none' {
  return direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
}

const thBase = 'px-3 py-1.5 text-xs leading-tight font-medium tracking-wide text-muted uppercase';

function SortIcon({ direction }: { direction: SortDirection }) {
  return (
    <svg viewBox="0 0 10 14" className="h-3 w-2.5 shrink-0" aria-hidden="true">
      <path d="M5 1 9 5.5H1z" className={direction === 'asc' ? 'fill-accent' : 'fill-current opacity-30'} />
      <path d="M5 13 1 8.5h8z" className={direction === 'desc' ? 'fill-accent' : 'fill-current opacity-30'} />
    </svg>
  );
}

export function SortableHeader({
  label,
  direction,
  onToggle,
  align = 'start',
  className = '',
  title,
}: {
  label: ReactNode;
  direction: SortDirection;
  onToggle: () => void;
  align?: 'start' | 'end';
  className?: string;
  /** Explains the column (shown on hover). */
  title?: string;
}) {
  return (
    <th scope="col" aria-sort={ariaSortOf(direction)} className={`${thBase} ${align === 'end' ? 'text-right' : 'text-left'} ${className}`}>
      <button
        type="button"
        onClick={onToggle}
        title={title}
        className={`-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase tracking-wide hover:text-ink focus-visible:outline-2 focus-visible:outline-accent ${
          align === 'end' ? 'flex-row-reverse text-right' : 'text-left'
        } ${direction ? 'text-ink' : ''}`}
      >
        <span>{label}</span>
        <SortIcon direction={direction} />
      </button>
    </th>
  );
}

export function PlainHeader({ children, align = 'start', className = '' }: { children: ReactNode; align?: 'start' | 'end'; className?: string }) {
  return (
    <th scope="col" className={`${thBase} ${align === 'end' ? 'text-right' : 'text-left'} ${className}`}>
      {children}
    </th>
  );
}
