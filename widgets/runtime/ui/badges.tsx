// Ticket priority and status as small coloured labels, the same in every list.
import { humanize } from '../format.ts';

const priorityTone: Record<string, string> = {
  urgent: 'bg-rose-100 text-rose-800',
  high: 'bg-orange-100 text-orange-800',
  medium: 'bg-sky-100 text-sky-800',
  low: 'bg-slate-100 text-slate-700',
};

const statusTone: Record<string, string> = {
  open: 'bg-amber-100 text-amber-800',
  in_progress: 'bg-indigo-100 text-indigo-800',
  resolved: 'bg-emerald-100 text-emerald-800',
  closed: 'bg-slate-200 text-slate-700',
};

function Badge({ value, tones }: { value: string | null; tones: Record<string, string> }) {
  if (!value) return <span className="text-muted">—</span>;
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tones[value] ?? 'bg-slate-100 text-slate-700'}`}>
      {humanize(value)}
    </span>
  );
}

export function PriorityBadge({ value }: { value: string | null }) {
  return <Badge value={value} tones={priorityTone} />;
}

export function StatusBadge({ value }: { value: string | null }) {
  return <Badge value={value} tones={statusTone} />;
}
