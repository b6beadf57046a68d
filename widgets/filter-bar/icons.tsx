// Small inline icons (decorative: every control that uses one has a text name).
import type { ReactNode } from 'react';

function Svg({ className = 'size-4', children }: { className?: string; children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`shrink-0 ${className}`}
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function CalendarIcon({ className }: { className?: string }) {
  return (
    <Svg className={className}>
      <rect x="3" y="4.5" width="14" height="12.5" rx="2" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
    </Svg>
  );
}

export function PersonIcon({ className }: { className?: string }) {
  return (
    <Svg className={className}>
      <circle cx="10" cy="6.5" r="3.5" />
      <path d="M3.5 17c.8-3.3 3.4-5 6.5-5s5.7 1.7 6.5 5" />
    </Svg>
  );
}

export function TagIcon({ className }: { className?: string }) {
  return (
    <Svg className={className}>
      <path d="M3 3h6.5l7.5 7.5-6.5 6.5L3 9.5z" />
      <circle cx="6.5" cy="6.5" r="1.2" />
    </Svg>
  );
}

export function FlagIcon({ className }: { className?: string }) {
  return (
    <Svg className={className}>
      <path d="M4.5 17.5v-14M4.5 3.5h9l-2 3.5 2 3.5h-9" />
    </Svg>
  );
}

export function ChevronDownIcon({ className }: { className?: string }) {
  return (
    <Svg className={className}>
      <path d="m5.5 8 4.5 4.5L14.5 8" />
    </Svg>
  );
}

export function CloseIcon({ className }: { className?: string }) {
  return (
    <Svg className={className}>
      <path d="m5.5 5.5 9 9M14.5 5.5l-9 9" />
    </Svg>
  );
}

export function LockIcon({ className }: { className?: string }) {
  return (
    <Svg className={className}>
      <rect x="4" y="9" width="12" height="8.5" rx="1.5" />
      <path d="M6.5 9V6.5a3.5 3.5 0 0 1 7 0V9" />
    </Svg>
  );
}
