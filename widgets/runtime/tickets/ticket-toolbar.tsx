// The controls above the portal's and the inbox's ticket tables: title search (applied after a
// short pause in typing) and an exact-status select. Priority and the rest come from the shared
// filter model.
import { useEffect, useState } from 'react';
import { TITLE_SEARCH_MAX } from '../../../shared/zero/queries.ts';
import { ticketStatuses, type TicketStatus } from '../../../shared/helpdesk.ts';
import { humanize } from '../format.ts';
import { inputClass } from '../ui/form-controls.tsx';

const searchPauseMs = 250;

export const selectClass =
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

export function StatusSelect({ value, onChange }: { value: TicketStatus | undefined; onChange: (s: TicketStatus | undefined) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-muted">
      Status
      <select
        value={value ?? ''}
        onChange={(e) => onChange(ticketStatuses.find((s) => s === e.target.value))}
        className={selectClass}
      >
        <option value="">All</option>
        {ticketStatuses.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
