// Building blocks the four sections of <ops-response-time> share: the section frame, a body of a
// fixed height that shows a placeholder, an error, an empty note or the data in the same space, and
// the priority colours (the same in the table, the histogram and the overdue list).
import { useId, type ReactNode } from 'react';
import type { TicketPriority } from '../../shared/helpdesk.ts';
import { humanize } from '../runtime/format.ts';
import { EmptyState, ErrorNotice, Loading, Refreshing } from '../runtime/ui/states.tsx';

export const priorityColor: Record<TicketPriority, string> = {
  low: 'var(--color-chart-1)',
  medium: 'var(--color-chart-2)',
  high: 'var(--color-chart-3)',
  urgent: 'var(--color-chart-4)',
};

export function priorityLabel(priority: string): string {
  const text = humanize(priority);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isPriority(value: string | null): value is TicketPriority {
  return value !== null && value in priorityColor;
}

export function PriorityDot({ priority }: { priority: TicketPriority }) {
  return <span className="inline-block size-2.5 shrink-0 rounded-full" style={{ background: priorityColor[priority] }} aria-hidden="true" />;
}

export const buttonClass =
  'rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent';

interface PanelProps {
  section: string;
  title: string;
  description: string;
  className?: string;
  children: ReactNode;
}

export function Panel({ section, title, description, className = '', children }: PanelProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-section={section} className={`flex min-w-0 flex-col gap-3 rounded-lg border border-line p-4 ${className}`}>
      <div className="min-w-0">
        <h3 id={id} className="truncate text-sm font-semibold">
          {title}
        </h3>
        <p className="truncate text-xs text-muted">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** A data source as a section sees it; undefined while the frame itself is still loading. */
export interface Source<T> {
  data: T | undefined;
  error: string | undefined;
  /** A request is under way with nothing to show yet (a retry after a failure too). */
  loading: boolean;
  refreshing: boolean;
}

interface BodyProps<T> {
  source: Source<T> | undefined;
  /** Fixed height (a Tailwind class): placeholder, error, empty note and data all take it. */
  height: string;
  label: string;
  skeleton: ReactNode;
  /** The empty note for this data, or null when there is something to show. */
  empty: (data: T) => string | null;
  children: (data: T) => ReactNode;
}

export function SectionBody<T>({ source, height, label, skeleton, empty, children }: BodyProps<T>) {
  if (source?.data !== undefined) {
    const note = empty(source.data);
    return (
      <Refreshing active={source.refreshing}>
        {note === null ? (
          <div className={`${height} min-w-0`}>{children(source.data)}</div>
        ) : (
          <EmptyState className={`${height} rounded-md bg-sunken`}>{note}</EmptyState>
        )}
      </Refreshing>
    );
  }
  // A retry after a failure shows the placeholder, not the old error.
  if (source?.error !== undefined && !source.loading) {
    return (
      <div className={height}>
        <ErrorNotice>{source.error}</ErrorNotice>
      </div>
    );
  }
  return (
    <Loading label={label} className={`${height} overflow-hidden`}>
      {skeleton}
    </Loading>
  );
}
