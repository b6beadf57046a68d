// The search field of every searchable table (clients, the inbox, the portal): a visible label, a
// clear button, Escape to clear, and the text applied after a short pause in typing so each
// keystroke does not start a query.
import { useCallback, useEffect, useId, useRef, useState } from 'react';

const searchPauseMs = 250;

/** What was typed, and what is applied (trimmed, after the pause); `clear` applies at once. */
export function useDebouncedSearch() {
  const [text, setText] = useState('');
  const [applied, setApplied] = useState('');
  useEffect(() => {
    const next = text.trim();
    if (next === applied) return;
    const timer = setTimeout(() => setApplied(next), searchPauseMs);
    return () => clearTimeout(timer);
  }, [text, applied]);
  const clear = useCallback(() => {
    setText('');
    setApplied('');
  }, []);
  return { text, setText, applied, clear };
}

export type DebouncedSearch = ReturnType<typeof useDebouncedSearch>;

interface SearchBoxProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  onClear: () => void;
  maxLength?: number;
}

export function SearchBox({ label, placeholder, value, onChange, onClear, maxLength = 100 }: SearchBoxProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <div className="relative">
        <input
          ref={input}
          id={id}
          type="search"
          value={value}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && value) {
              e.preventDefault();
              onClear();
            }
          }}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          className="h-8 w-56 rounded-md border border-line bg-surface pr-8 pl-2 text-sm text-ink placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent [&::-webkit-search-cancel-button]:appearance-none"
        />
        {value && (
          <button
            type="button"
            aria-label="Clear search"
            title="Clear search"
            onClick={() => {
              onClear();
              input.current?.focus();
            }}
            className="absolute top-1/2 right-1 flex size-6 -translate-y-1/2 items-center justify-center rounded text-muted hover:bg-accent-soft hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
          >
            <svg viewBox="0 0 12 12" className="size-3" aria-hidden="true">
              <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </div>
    </div>
  );
}
