// Section 3: per ticket type, the average actual resolution time as a bar against a marker at the
// type's expected hours, with the number of overdue tickets. Drawn as a table (the numbers are in
// its cells, so it needs no separate mirror for assistive technology); a type's name drills down.
import { memo } from 'react';
import type { ResponseTimeResponse } from '../../shared/analytics/api.ts';
import { formatCount, formatHours } from '../runtime/format.ts';
import { SkeletonBlock } from '../runtime/ui/states.tsx';
import { buttonClass } from './panel.tsx';

/** Room for 14 types (the product's set) without scrolling: 20 px legend, 8 px gap, 28 px header, 14 × 36 px. */
export const typeComparisonHeight = 'h-140';
const visibleRows = 14;

type TypeRow = ResponseTimeResponse['byType'][number];

export function TypeComparisonSkeleton() {
  return (
    <div className="flex h-full flex-col gap-2">
      <div className="flex h-5 items-center gap-3">
        <SkeletonBlock className="h-3 w-36" />
        <SkeletonBlock className="h-3 w-36" />
        <SkeletonBlock className="h-3 w-20" />
      </div>
      <div className="h-7" />
      {Array.from({ length: visibleRows }, (_, i) => (
        <div key={i} className="flex h-9 items-center gap-3">
          <SkeletonBlock className="h-3 w-28" />
          <SkeletonBlock className="h-3 flex-1" />
          <SkeletonBlock className="h-3 w-32" />
        </div>
      ))}
    </div>
  );
}

export function hasTypeData(rows: TypeRow[]): boolean {
  return rows.some((t) => t.avgActualHours !== null || t.overdueCount > 0);
}

function Legend() {
  return (
    <ul className="flex h-5 flex-wrap items-center gap-x-4 text-xs text-muted" aria-hidden="true">
      <li className="inline-flex items-center gap-1.5">
        <span className="h-2.5 w-4 rounded-sm bg-positive" />
        Avg actual, within expected
      </li>
      <li className="inline-flex items-center gap-1.5">
        <span className="h-2.5 w-4 rounded-sm bg-negative" />
        Avg actual, over expected
      </li>
      <li className="inline-flex items-center gap-1.5">
        <span className="h-3.5 w-0.5 bg-ink" />
        Expected
      </li>
    </ul>
  );
}

function percentOf(value: number, max: number): string {
  return `${Math.min(100, (value / max) * 100)}%`;
}

function Bar({ row, max }: { row: TypeRow; max: number }) {
  const { expectedHours: expected, avgActualHours: actual } = row;
  const over = actual !== null && expected !== null && actual > expected;
  return (
    <div className="relative h-3 rounded-sm bg-sunken" aria-hidden="true">
      {actual !== null && (
        <div
          className={`absolute inset-y-0 left-0 rounded-sm ${over ? 'bg-negative' : 'bg-positive'}`}
          style={{ width: percentOf(actual, max) }}
        />
      )}
      {expected !== null && (
        <div className="absolute -top-1 -bottom-1 w-0.5 -translate-x-1/2 bg-ink" style={{ left: percentOf(expected, max) }} />
      )}
    </div>
  );
}

function TypeComparisonView({ data, onType }: { data: ResponseTimeResponse; onType: (row: TypeRow) => void }) {
  const max = Math.max(1, ...data.byType.flatMap((t) => [t.expectedHours ?? 0, t.avgActualHours ?? 0]));
  return (
    <div className="flex h-full flex-col gap-2">
      <Legend />
      <div className="min-h-0 flex-1 overflow-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Expected and average actual resolution hours and overdue tickets by ticket type</caption>
          <thead className="text-xs text-muted">
            <tr className="h-7">
              <th scope="col" className="pr-2 font-medium">
                Type
              </th>
              <th scope="col" className="w-full min-w-24 px-2 font-medium">
                <span aria-hidden="true">0–{formatHours(max)}</span>
              </th>
              <th scope="col" className="px-2 text-right font-medium whitespace-nowrap">
                Expected
              </th>
              <th scope="col" className="px-2 text-right font-medium whitespace-nowrap">
                Avg actual
              </th>
              <th scope="col" className="pl-2 text-right font-medium whitespace-nowrap">
                Overdue
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byType.map((row) => (
              <tr key={row.ticketTypeId} data-row="" data-type-id={row.ticketTypeId} className="h-9">
                <th scope="row" className="max-w-40 pr-2 font-normal">
                  <button
                    type="button"
                    onClick={() => onType(row)}
                    title={`Show ${row.name} tickets`}
                    className={`block max-w-full truncate text-left hover:underline ${buttonClass}`}
                  >
                    {row.name}
                  </button>
                </th>
                <td className="px-2">
                  <Bar row={row} max={max} />
                </td>
                <td data-col="expected" data-value={row.expectedHours ?? undefined} className="px-2 text-right tabular-nums whitespace-nowrap text-muted">
                  {formatHours(row.expectedHours)}
                </td>
                <td data-col="actual" data-value={row.avgActualHours ?? undefined} className="px-2 text-right tabular-nums whitespace-nowrap">
                  {formatHours(row.avgActualHours)}
                </td>
                <td
                  data-col="overdue"
                  data-value={row.overdueCount}
                  className={`pl-2 text-right tabular-nums whitespace-nowrap ${row.overdueCount > 0 ? 'text-danger' : 'text-muted'}`}
                >
                  {formatCount(row.overdueCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Memoized on its data: filter changes and the refreshing state re-render the widget, not this. */
export const TypeComparison = memo(TypeComparisonView);
