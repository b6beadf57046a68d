// One filter of the bar: a trigger showing the current value, a clear (×) button while the filter
// is set, and a popover (inside the shadow root, under the trigger) that edits it. Escape closes
// the popover and puts focus back on the trigger; a click outside or tabbing away closes it.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ChevronDownIcon, CloseIcon, LockIcon } from './icons.tsx';
import { filterLabels, type FilterKey, type Summary } from './model.ts';

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent';

/** The clear buttons' names (they avoid repeating a trigger's name where a natural word exists). */
const clearNames: Record<FilterKey, string> = {
  created: 'Clear date filter',
  assignee: 'Clear assignee filter',
  ticketType: 'Clear type filter',
  priority: 'Clear priority filter',
};

interface FilterChipProps {
  filterKey: FilterKey;
  icon: ReactNode;
  summary: Summary;
  /** The scope sets this filter (and it is not pinned): highlighted, with a clear button. */
  active: boolean;
  /** Fixed by the `filters` attribute: shown, locked, not editable. */
  pinned: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onClear: () => void;
  panelClassName?: string;
  /** The popover's content; `done()` closes it and returns focus to the trigger. */
  children: (done: () => void) => ReactNode;
}

export function FilterChip(props: FilterChipProps) {
  const { filterKey, icon, summary, active, pinned, open, onOpenChange, onClear, panelClassName = 'w-72', children } = props;
  const label = filterLabels[filterKey];
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const [alignEnd, setAlignEnd] = useState(false);

  const done = useCallback(() => {
    onOpenChange(false);
    trigger.current?.focus();
  }, [onOpenChange]);

  // A press anywhere outside this chip closes the popover. composedPath() sees into the open
  // shadow root, so presses inside the popover are recognised.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const own = wrapper.current;
      if (own && !event.composedPath().includes(own)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, onOpenChange]);

  // Open under the trigger, flipped to its right edge when it would leave the widget; focus moves
  // into the popover (its first control).
  useLayoutEffect(() => {
    if (!open) {
      setAlignEnd(false);
      return;
    }
    const box = panel.current;
    const own = wrapper.current;
    if (!box || !own) return;
    const frame = own.closest('section') ?? own;
    setAlignEnd(box.getBoundingClientRect().right > frame.getBoundingClientRect().right - 8);
    box.querySelector<HTMLElement>('select, input, button:not([disabled])')?.focus();
  }, [open]);

  const tone = pinned
    ? 'border-dashed border-line bg-sunken text-muted'
    : active
      ? 'border-accent bg-accent-soft text-ink'
      : 'border-line bg-surface text-ink';

  return (
    <div
      ref={wrapper}
      className={`relative flex h-12 min-w-0 items-stretch rounded-md border text-sm ${tone}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          done();
        }
      }}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (open && next instanceof Node && !wrapper.current?.contains(next)) onOpenChange(false);
      }}
    >
      <button
        ref={trigger}
        type="button"
        data-filter={filterKey}
        data-active={active || undefined}
        data-pinned={pinned || undefined}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        disabled={pinned}
        aria-label={pinned ? `${summary.text} (fixed for this widget)` : summary.text}
        title={pinned ? `${summary.text} (fixed for this widget)` : summary.text}
        onClick={() => onOpenChange(!open)}
        className={`flex min-w-0 flex-1 items-center gap-2.5 rounded-md px-2.5 text-left enabled:cursor-pointer enabled:hover:bg-accent-soft/60 disabled:cursor-not-allowed ${focusRing}`}
      >
        <span className={active ? 'text-accent' : 'text-muted'}>{icon}</span>
        <span className="flex min-w-0 flex-1 flex-col leading-tight" aria-hidden="true">
          <span className="truncate text-xs text-muted">{label}</span>
          <span className={`truncate ${active ? 'font-medium' : ''}`}>{summary.value}</span>
        </span>
        {pinned ? <LockIcon className="size-3.5" /> : !active && <ChevronDownIcon className="size-4 text-muted" />}
      </button>
      {active && !pinned && (
        <button
          type="button"
          data-clear={filterKey}
          aria-label={clearNames[filterKey]}
          title={`Clear the ${label.toLowerCase()} filter`}
          onClick={() => {
            // An open panel keeps its own draft of the old value; left open, its next edit would
            // bring the cleared filter back.
            onOpenChange(false);
            onClear();
            trigger.current?.focus();
          }}
          className={`flex w-8 shrink-0 cursor-pointer items-center justify-center rounded-md text-muted hover:text-ink ${focusRing}`}
        >
          <CloseIcon className="size-3.5" />
        </button>
      )}
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label={`${label} filter`}
          data-popover={filterKey}
          className={`absolute top-full z-30 mt-1.5 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-surface p-3 text-ink shadow-lg ${
            alignEnd ? 'right-0' : 'left-0'
          } ${panelClassName}`}
        >
          {children(done)}
        </div>
      )}
    </div>
  );
}

/** A labelled native select, styled for the popovers. */
export function OperatorSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="shrink-0 text-xs font-medium text-muted">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const next = options.find((o) => o.value === event.target.value);
          if (next) onChange(next.value);
        }}
        className={`h-8 min-w-0 flex-1 rounded-md border border-line bg-surface px-2 text-sm text-ink ${focusRing}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DoneButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={`h-7 cursor-pointer rounded-md border border-line px-3 text-xs font-medium text-ink hover:bg-accent-soft ${focusRing}`}
    >
      Done
    </button>
  );
}

export { focusRing };
