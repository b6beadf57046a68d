// The popover of a set filter (team member, ticket type, priority): an operator, a search box and
// the options as checkboxes ("is any of" / "is none of") or radios ("is" / "is not", one value).
import { useId, useMemo, useState } from 'react';
import { setOperators, type SetOperator } from '../../shared/analytics/filters.ts';
import { DoneButton, focusRing, OperatorSelect } from './filter-chip.tsx';
import { isSingle, setFilterOf, setOperatorLabels } from './model.ts';

export interface SetOption<V> {
  /** Stable string form of the value (`data-option`, React keys). */
  key: string;
  value: V;
  label: string;
  /** Secondary text (a team member's department), also searched. */
  hint?: string;
}

export interface SetValue<V> {
  op: SetOperator;
  values: V[];
}

interface SetPanelProps<V> {
  /** "team members": the search box's and the list's name. */
  plural: string;
  /** `undefined` while the options are loading. */
  options: readonly SetOption<V>[] | undefined;
  value: { op: SetOperator; values: readonly V[] } | undefined;
  onChange: (next: SetValue<V> | undefined) => void;
  onDone: () => void;
  searchable?: boolean;
  /** Why the options could not be loaded (the list shows it instead). */
  failure?: string;
}

const operatorOptions = setOperators.map((op) => ({ value: op, label: setOperatorLabels[op] }));

export function SetPanel<V>({ plural, options, value, onChange, onDone, searchable = true, failure }: SetPanelProps<V>) {
  const name = useId();
  const [query, setQuery] = useState('');
  // The operator chosen before any value is: kept here until a value makes the filter real.
  const [draftOp, setDraftOp] = useState<SetOperator>('isAnyOf');
  const op = value?.op ?? draftOp;
  const chosen = value?.values ?? [];
  const single = isSingle(op);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!options || !q) return options;
    return options.filter((o) => o.label.toLowerCase().includes(q) || (o.hint?.toLowerCase().includes(q) ?? false));
  }, [options, query]);

  const changeOp = (next: SetOperator) => {
    setDraftOp(next);
    if (value) onChange(setFilterOf(next, value.values));
  };

  const toggle = (option: SetOption<V>) => {
    if (single) return onChange(setFilterOf(op, [option.value]));
    const on = chosen.includes(option.value);
    // Keep the options' order (stable URLs); values the list does not know are kept as they are.
    const known = new Set(options?.map((o) => o.value));
    const next = [
      ...chosen.filter((v) => !known.has(v)),
      ...(options ?? []).filter((o) => (o === option ? !on : chosen.includes(o.value))).map((o) => o.value),
    ];
    onChange(setFilterOf(op, next));
  };

  return (
    <div className="flex flex-col gap-2">
      <OperatorSelect label="Condition" value={op} options={operatorOptions} onChange={changeOp} />
      {searchable && (
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search…"
          aria-label={`Search ${plural}`}
          className={`h-8 rounded-md border border-line bg-surface px-2 text-sm text-ink placeholder:text-muted ${focusRing}`}
        />
      )}
      <div
        role={single ? 'radiogroup' : 'group'}
        aria-label={single ? `Choose one of the ${plural}` : `Choose ${plural}`}
        className="max-h-56 min-h-10 overflow-y-auto rounded-md border border-line bg-sunken p-1"
      >
        {failure ? (
          <p className="px-2 py-1.5 text-sm text-danger" role="alert">
            The {plural} could not be loaded: {failure}
          </p>
        ) : !shown ? (
          <p className="px-2 py-1.5 text-sm text-muted" role="status">
            Loading {plural}…
          </p>
        ) : shown.length === 0 ? (
          <p className="px-2 py-1.5 text-sm text-muted">{query.trim() ? `No ${plural} match “${query.trim()}”` : `No ${plural}`}</p>
        ) : (
          <ul className="flex flex-col">
            {shown.map((option) => (
              <li key={option.key}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-accent-soft has-focus-visible:bg-accent-soft">
                  <input
                    type={single ? 'radio' : 'checkbox'}
                    name={name}
                    data-option={option.key}
                    checked={chosen.includes(option.value)}
                    onChange={() => toggle(option)}
                    className="size-4 shrink-0 accent-accent"
                  />
                  <span className="min-w-0 flex-1 truncate">{option.label}</span>
                  {option.hint && <span className="shrink-0 text-xs text-muted">{option.hint}</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted" aria-live="polite">
          {chosen.length === 0 ? 'Any value' : `${chosen.length} selected`}
        </span>
        <DoneButton onClick={onDone} />
      </div>
    </div>
  );
}
