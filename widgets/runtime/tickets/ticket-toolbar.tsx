// The controls above the portal's and the inbox's ticket tables: title search (applied after a
// short pause in typing) and "All or one value" selects (status, priority).
import { useEffect, useState } from 'react';
import { TITLE_SEARCH_MAX } from '../../../shared/zero/queries.ts';
import { Choice, inputClass } from '../ui/form-controls.tsx';

const searchPauseMs = 250;

const selectClass =
  'rounded-md border border-line bg-surface px-1.5 py-1 text-xs text-ink focus-visible:outline-2 focus-visible:outline-accent';

export function SearchBox({ onSearch, label = 'Search titles' }: { onSearch: (text: string | undefined) => void; label?: string }) {
  const [text, setText] = useState('');
  useEffect(() => {
    const id = setTimeout(() => onSearch(text.trim() || undefined), searchPauseMs);
    return () => clearTimeout(id);
  }, [text, onSearch]);
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={`${label}…`}
      maxLength={TITLE_SEARCH_MAX}
      value={text}
      onChange={(e) => setText(e.target.value)}
      className={`${inputClass} max-w-56 py-1 text-xs`}
    />
  );
}

/** A labelled choice in the toolbar: "All" or one value. */
export function ToolbarChoice<T extends string>({
  label,
  value,
  choices,
  onChange,
  optionLabel,
}: {
  label: string;
  value: T | undefined;
  choices: readonly T[];
  onChange: (v: T | undefined) => void;
  optionLabel?: (v: T) => string;
}) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      {label}
      <Choice value={value} choices={choices} onChange={onChange} none="All" label={optionLabel} className={selectClass} />
    </label>
  );
}
