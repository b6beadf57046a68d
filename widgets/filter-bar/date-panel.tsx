// The "Created" popover: an operator (on / between / on or before / on or after), typed date
// inputs (keyboard friendly) and a react-day-picker calendar styled with the theme's Tailwind
// tokens (its own stylesheet cannot reach the shadow root). Every complete, valid edit applies at
// once; an unfinished range waits for its second day.
import { useEffect, useId, useRef, useState } from 'react';
import { DayPicker, type ClassNames, type DateRange, type DayButtonProps } from 'react-day-picker';
import type { CreatedFilter } from '../../shared/analytics/filters.ts';
import { DoneButton, focusRing, OperatorSelect } from './filter-chip.tsx';
import {
  createdOperatorLabels,
  createdOps,
  dateOfIso,
  formatDay,
  formatDayRange,
  isIsoDay,
  isoOfDate,
  monthOf,
  validCreated,
  type CreatedOp,
} from './model.ts';

interface Draft {
  op: CreatedOp;
  /** The day of on / on or before / on or after. */
  date: string;
  from: string;
  to: string;
}

function draftOf(created: CreatedFilter | undefined): Draft {
  if (!created) return { op: 'between', date: '', from: '', to: '' };
  if (created.op === 'between') return { op: 'between', date: created.from, from: created.from, to: created.to };
  return { op: created.op, date: created.date, from: created.date, to: created.date };
}

type Outcome =
  | { kind: 'set'; value: CreatedFilter }
  | { kind: 'clear' }
  | { kind: 'wait'; hint: string; problem: boolean };

function outcomeOf(draft: Draft): Outcome {
  if (draft.op === 'between') {
    const { from, to } = draft;
    if (!from && !to) return { kind: 'clear' };
    if (!isIsoDay(from)) return { kind: 'wait', hint: 'Pick the first day', problem: false };
    if (!isIsoDay(to)) return { kind: 'wait', hint: 'Pick the last day', problem: false };
    if (to < from) return { kind: 'wait', hint: 'The last day is before the first', problem: true };
    const value = validCreated({ op: 'between', from, to });
    return value ? { kind: 'set', value } : { kind: 'wait', hint: 'Not a valid range', problem: true };
  }
  if (!draft.date) return { kind: 'clear' };
  const value = isIsoDay(draft.date) ? validCreated({ op: draft.op, date: draft.date }) : undefined;
  return value ? { kind: 'set', value } : { kind: 'wait', hint: 'Not a valid day', problem: true };
}

/** What the popover's status line says about the draft. */
function statusOf(draft: Draft, outcome: Outcome): string {
  if (outcome.kind === 'wait') return outcome.hint;
  if (outcome.kind === 'clear') return 'Any day';
  const v = outcome.value;
  return v.op === 'between' ? formatDayRange(v.from, v.to) : `${createdOperatorLabels[draft.op]} ${formatDay(v.date)}`;
}

/** Switching the operator keeps the chosen day(s) where that makes sense. */
function withOp(draft: Draft, op: CreatedOp): Draft {
  if (op === draft.op) return draft;
  if (op === 'between') {
    const day = draft.date;
    return { op, date: day, from: day, to: day };
  }
  if (draft.op !== 'between') return { ...draft, op };
  const day = op === 'onOrBefore' ? draft.to || draft.from : draft.from || draft.to;
  return { op, date: day, from: draft.from, to: draft.to };
}

const operatorOptions = createdOps.map((op) => ({ value: op, label: createdOperatorLabels[op] }));

const dayCell = 'size-9 p-0 text-center';

const calendarClassNames: Partial<ClassNames> = {
  root: 'relative text-sm text-ink',
  months: 'relative',
  month: 'flex flex-col gap-1',
  month_caption: 'flex h-8 items-center px-1',
  caption_label: 'text-sm font-semibold',
  nav: 'absolute right-0 top-0 z-10 flex h-8 items-center gap-1',
  button_previous: `inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-muted hover:bg-accent-soft hover:text-ink aria-disabled:cursor-default aria-disabled:opacity-40 ${focusRing}`,
  button_next: `inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-muted hover:bg-accent-soft hover:text-ink aria-disabled:cursor-default aria-disabled:opacity-40 ${focusRing}`,
  chevron: 'size-4 fill-current',
  month_grid: 'border-separate border-spacing-0',
  weekdays: '',
  weekday: 'h-7 w-9 p-0 text-center text-xs font-medium text-muted',
  weeks: '',
  week: '',
  day: dayCell,
  day_button: '',
  today: '',
  selected: '',
  outside: 'text-muted',
  disabled: 'opacity-40',
  hidden: 'invisible',
  range_start: 'rounded-l-md bg-accent-soft',
  range_middle: 'bg-accent-soft',
  range_end: 'rounded-r-md bg-accent-soft',
  focused: '',
  footer: 'sr-only',
};

/** Day buttons styled from their modifiers (selected end points filled, range middle tinted). */
function CalendarDayButton({ day: _day, modifiers, className: _className, ...props }: DayButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (modifiers.focused) ref.current?.focus();
  }, [modifiers.focused]);
  const filled = modifiers.range_start || modifiers.range_end || (modifiers.selected && !modifiers.range_middle);
  const tone = filled
    ? 'bg-accent font-semibold text-surface'
    : modifiers.range_middle
      ? 'text-ink hover:bg-surface/60'
      : 'hover:bg-accent-soft';
  const today = modifiers.today && !filled ? 'underline decoration-accent decoration-2 underline-offset-4' : '';
  return (
    <button
      ref={ref}
      {...props}
      className={`inline-flex size-9 cursor-pointer items-center justify-center rounded-md tabular-nums ${tone} ${today} ${
        modifiers.outside && !filled ? 'text-muted' : ''
      } ${focusRing}`}
    />
  );
}

const components = { DayButton: CalendarDayButton };

function DateInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`h-8 w-full min-w-0 rounded-md border border-line bg-surface px-1.5 text-sm text-ink ${focusRing}`}
      />
    </div>
  );
}

export function DatePanel({
  value,
  onChange,
  onDone,
}: {
  value: CreatedFilter | undefined;
  onChange: (next: CreatedFilter | undefined) => void;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [month, setMonth] = useState<Date>(() => monthOf(value?.op === 'between' ? value.from : value?.date));
  const outcome = outcomeOf(draft);

  const update = (next: Draft, show?: string) => {
    setDraft(next);
    if (show && isIsoDay(show)) setMonth(monthOf(show));
    const result = outcomeOf(next);
    if (result.kind === 'set') onChange(result.value);
    else if (result.kind === 'clear') onChange(undefined);
  };

  const range: DateRange | undefined = draft.from ? { from: dateOfIso(draft.from), to: dateOfIso(draft.to) } : undefined;

  return (
    <div className="flex flex-col gap-2">
      <OperatorSelect label="Condition" value={draft.op} options={operatorOptions} onChange={(op) => update(withOp(draft, op))} />
      {draft.op === 'between' ? (
        <div className="flex gap-2">
          <DateInput label="Start date" value={draft.from} onChange={(from) => update({ ...draft, from, date: from }, from)} />
          <DateInput label="End date" value={draft.to} onChange={(to) => update({ ...draft, to }, to)} />
        </div>
      ) : (
        <div className="flex gap-2">
          <DateInput label="Date" value={draft.date} onChange={(date) => update({ ...draft, date }, date)} />
        </div>
      )}
      <div className="flex justify-center rounded-md border border-line p-2">
        {draft.op === 'between' ? (
          <DayPicker
            mode="range"
            resetOnSelect
            selected={range}
            onSelect={(next) => {
              const from = next?.from ? isoOfDate(next.from) : '';
              const to = next?.to ? isoOfDate(next.to) : '';
              update({ ...draft, from, to, date: from });
            }}
            month={month}
            onMonthChange={setMonth}
            classNames={calendarClassNames}
            components={components}
            fixedWeeks
          />
        ) : (
          <DayPicker
            mode="single"
            selected={dateOfIso(draft.date)}
            onSelect={(next) => update({ ...draft, date: next ? isoOfDate(next) : '' })}
            month={month}
            onMonthChange={setMonth}
            classNames={calendarClassNames}
            components={components}
            fixedWeeks
          />
        )}
      </div>
      <div className="flex items-center justify-between gap-2">
        <span
          className={`min-w-0 truncate text-xs ${outcome.kind === 'wait' && outcome.problem ? 'text-danger' : 'text-muted'}`}
          role="status"
          aria-live="polite"
        >
          {statusOf(draft, outcome)}
        </span>
        <DoneButton onClick={onDone} />
      </div>
    </div>
  );
}
