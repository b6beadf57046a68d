// The controls above the portal's and the inbox's ticket tables: a title search and "All or one
// value" selects (status, priority).
import { TITLE_SEARCH_MAX } from '../../../shared/zero/queries.ts';
import { Choice } from '../ui/form-controls.tsx';
import { SearchBox, type DebouncedSearch } from '../ui/search-box.tsx';

export function TitleSearch({ search }: { search: DebouncedSearch }) {
  return (
    <SearchBox
      label="Search titles"
      placeholder="Title"
      maxLength={TITLE_SEARCH_MAX}
      value={search.text}
      onChange={search.setText}
      onClear={search.clear}
    />
  );
}

const selectClass =
  'rounded-md border border-line bg-surface px-1.5 py-1 text-xs text-ink focus-visible:outline-2 focus-visible:outline-accent';

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
