// Section 1: resolution-time statistics per priority plus an "All" row; a priority drills down.
import { memo } from 'react';
import type { ResolutionStats, ResponseTimeResponse } from '../../shared/analytics/api.ts';
import type { TicketPriority } from '../../shared/helpdesk.ts';
import { formatCount, formatHours } from '../runtime/format.ts';
import { SkeletonBlock } from '../runtime/ui/states.tsx';
import { buttonClass, PriorityDot, priorityLabel } from './panel.tsx';

export const statColumns = [
  { key: 'count', label: 'Resolved' },
  { key: 'min', label: 'Min' },
  { key: 'median', label: 'Median' },
  { key: 'avg', label: 'Avg' },
  { key: 'p90', label: 'P90' },
  { key: 'max', label: 'Max' },
] as const satisfies readonly { key: keyof ResolutionStats; label: string }[];

/** 32 px header + 5 rows of 36 px. */
export const priorityStatsHeight = 'h-53';

export function PriorityStatsSkeleton() {
  return (
    <div className="flex h-full flex-col">
      <div className="flex h-8 items-center gap-4">
        <SkeletonBlock className="h-3 w-16" />
        <SkeletonBlock className="ml-auto h-3 w-3/5" />
      </div>
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex h-9 items-center gap-4 border-t border-line">
          <SkeletonBlock className="h-3 w-16" />
          <SkeletonBlock className="ml-auto h-3 w-3/5" />
        </div>
      ))}
    </div>
  );
}

function StatCells({ stats }: { stats: ResolutionStats }) {
  return statColumns.map(({ key }) => {
    const value = stats[key];
    return (
      <td key={key} data-col={key} data-value={value ?? undefined} className="px-2 text-right tabular-nums whitespace-nowrap">
        {key === 'count' ? formatCount(stats.count) : formatHours(value)}
      </td>
    );
  });
}

function PriorityStatsView({ data, onPriority }: { data: ResponseTimeResponse; onPriority: (p: TicketPriority) => void }) {
  return (
    <div className="h-full overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Resolution time in hours by priority, resolved tickets</caption>
        <thead className="text-xs text-muted">
          <tr className="h-8">
            <th scope="col" className="pr-2 font-medium">
              Priority
            </th>
            {statColumns.map((c) => (
              <th key={c.key} scope="col" className="px-2 text-right font-medium whitespace-nowrap">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.byPriority.map((row) => (
            <tr key={row.priority} data-row="" data-priority={row.priority} className="h-9 border-t border-line">
              <th scope="row" className="pr-2 font-normal">
                <button
                  type="button"
                  onClick={() => onPriority(row.priority)}
                  title={`Show ${row.priority} priority tickets`}
                  className={`inline-flex items-center gap-2 whitespace-nowrap hover:underline ${buttonClass}`}
                >
                  <PriorityDot priority={row.priority} />
                  {priorityLabel(row.priority)}
                </button>
              </th>
              <StatCells stats={row} />
            </tr>
          ))}
          <tr data-row="" data-priority="all" className="h-9 border-t border-line font-semibold">
            <th scope="row" className="pr-2 font-semibold">
              All
            </th>
            <StatCells stats={data.overall} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Memoized on its data: filter changes and the refreshing state re-render the widget, not this. */
export const PriorityStats = memo(PriorityStatsView);
