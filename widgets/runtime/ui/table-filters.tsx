// Compact per-column filter inputs for a filter row under a table's header. Every input has an
// accessible name (the column's), and the placeholder says what it does.
const inputClass =
  'h-7 w-full min-w-0 rounded border border-line bg-surface px-1.5 text-xs font-normal text-ink normal-case tracking-normal placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent';

export function TextFilter({
  label,
  value,
  onChange,
  placeholder = 'Contains…',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <input
      type="text"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.preventDefault();
          onChange('');
        }
      }}
      aria-label={`Filter ${label} (contains)`}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      className={inputClass}
    />
  );
}

/** Raw input text of a min/max pair; blank ends are open. */
export type RangeValue = readonly [string, string];

export function RangeFilter({
  label,
  value,
  onChange,
  step = '1',
  layout = 'stacked',
}: {
  label: string;
  value: RangeValue;
  onChange: (value: RangeValue) => void;
  step?: string;
  /** Min above max (narrow columns) or side by side. */
  layout?: 'stacked' | 'inline';
}) {
  const [min, max] = value;
  return (
    <div className={`flex gap-1 ${layout === 'stacked' ? 'flex-col' : 'items-center justify-end'}`} role="group" aria-label={`Filter ${label} range`}>
      <input
        type="number"
        inputMode="decimal"
        step={step}
        value={min}
        onChange={(e) => onChange([e.target.value, max])}
        aria-label={`${label} minimum`}
        placeholder="min"
        className={`${inputClass} text-right tabular-nums [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none`}
      />
      <input
        type="number"
        inputMode="decimal"
        step={step}
        value={max}
        onChange={(e) => onChange([min, e.target.value])}
        aria-label={`${label} maximum`}
        placeholder="max"
        className={`${inputClass} text-right tabular-nums [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none`}
      />
    </div>
  );
}
