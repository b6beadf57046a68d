// The states every widget shows the same way: placeholders that hold the loaded layout's space,
// "nothing matches", and failures with what went wrong.
import type { ReactNode } from 'react';

/** A pulsing block; give it the size of what it stands for. */
export function SkeletonBlock({ className = '' }: { className?: string }) {
  return <div className={`animate-pulse rounded bg-skeleton ${className}`} aria-hidden="true" />;
}

/** Placeholder rows of a ticket table, each as tall as a real row so nothing moves when data lands. */
export function SkeletonRows({ rows, rowHeight }: { rows: number; rowHeight: string }) {
  return Array.from({ length: rows }, (_, i) => (
    <div key={i} className={`${rowHeight} flex items-center gap-4 border-b border-line px-4 last:border-0`}>
      <SkeletonBlock className="h-3 w-12" />
      <SkeletonBlock className="h-3 flex-1" />
      <SkeletonBlock className="h-3 w-24" />
      <SkeletonBlock className="h-3 w-16" />
    </div>
  ));
}

/** Wraps placeholders so assistive technology hears "loading" once instead of empty shapes. */
export function Loading({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className={className}>
      {children}
    </div>
  );
}

export function EmptyState({ className = '', children }: { className?: string; children: ReactNode }) {
  return <p className={`flex items-center justify-center px-4 text-center text-sm text-muted ${className}`}>{children}</p>;
}

export function ErrorNotice({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="px-4 py-3 text-sm text-danger">
      {children}
    </p>
  );
}

/** Dims data that is being replaced, without hiding it (no flicker on filter changes). */
export function Refreshing({ active, children }: { active: boolean; children: ReactNode }) {
  return <div className={`transition-opacity duration-150 ${active ? 'opacity-60' : 'opacity-100'}`}>{children}</div>;
}
