// Form controls with one look across widgets: labelled fields, error text tied to its field for
// assistive technology, and the two button weights.
import { useId, type ReactNode } from 'react';
import { humanize } from '../format.ts';

export const inputClass =
  'w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger disabled:opacity-60';

export const primaryButtonClass =
  'rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-50';

export const secondaryButtonClass =
  'rounded-md border border-line px-3 py-1.5 text-sm text-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-50';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  /** Renders the control with the ids that tie it to its label and error text. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const note = `${id}-note`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children({ id, describedBy: error || hint ? note : undefined, invalid: Boolean(error) })}
      {(error || hint) && (
        <p id={note} className={`text-xs ${error ? 'text-danger' : 'text-muted'}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  id?: string;
  /** May be a value outside `choices` (free text in the provided schema); it then shows as empty. */
  value: string | null | undefined;
  choices: readonly T[];
  onChange: (choice: T | undefined) => void;
  /** The empty choice's label ("All", "—"); without it there is no empty choice unless the value is empty. */
  none?: string;
  label?: (choice: T) => string;
  className?: string;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

/** A select over a fixed set of values (statuses, priorities), typed: onChange gets one of them or undefined. */
export function Choice<T extends string>({ id, value, choices, onChange, none, label = humanize, className = inputClass, disabled, describedBy, invalid }: ChoiceProps<T>) {
  const empty = value === null || value === undefined || !(choices as readonly string[]).includes(value);
  return (
    <select
      id={id}
      value={empty ? '' : value}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(choices.find((c) => c === e.target.value))}
      className={className}
    >
      {(none !== undefined || empty) && <option value="">{none ?? '—'}</option>}
      {choices.map((c) => (
        <option key={c} value={c}>
          {label(c)}
        </option>
      ))}
    </select>
  );
}
