// Section 2: how long resolved tickets took, in bins of hours, stacked by priority. The legend's
// entries (buttons) and the bars drill down by priority; an sr-only table carries the numbers.
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { ResponseTimeResponse } from '../../shared/analytics/api.ts';
import { ticketPriorities, type TicketPriority } from '../../shared/helpdesk.ts';
import { formatCount } from '../runtime/format.ts';
import { ChartBox } from '../runtime/ui/chart-box.tsx';
import { countTick } from '../runtime/ui/count-tick.tsx';
import { ChartTooltipBox } from '../runtime/ui/chart-tooltip.tsx';
import { SkeletonBlock } from '../runtime/ui/states.tsx';
import { buttonClass, PriorityDot, priorityColor, priorityLabel } from './panel.tsx';

const chartHeight = 224;
/** 20 px legend + 8 px gap + the chart. */
export const histogramHeight = 'h-63';

const hoursNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "0–4 h", "48–72 h", "≥ 720 h" (the last bin is open-ended). */
export function bucketLabel(fromHours: number, toHours: number | null): string {
  return toHours === null ? `≥ ${hoursNumber.format(fromHours)} h` : `${hoursNumber.format(fromHours)}–${hoursNumber.format(toHours)} h`;
}

export function HistogramSkeleton() {
  return (
    <div className="flex h-full flex-col gap-2">
      <div className="flex h-5 items-center gap-3">
        {ticketPriorities.map((p) => (
          <SkeletonBlock key={p} className="h-3 w-14" />
        ))}
      </div>
      <SkeletonBlock className="flex-1" />
    </div>
  );
}

type Bin = ResponseTimeResponse['histogram'][number] & { label: string; total: number };

function BinTooltip({ active, payload }: TooltipContentProps) {
  const bin = payload?.[0]?.payload as Bin | undefined;
  if (!active || !bin) return null;
  return (
    <ChartTooltipBox
      title={bin.label}
      // Top of the stack first, as the bars read.
      items={[...ticketPriorities].reverse().map((p) => ({ name: priorityLabel(p), value: formatCount(bin[p]), color: priorityColor[p] }))}
    />
  );
}

export function PriorityLegend({ onPriority }: { onPriority: (p: TicketPriority) => void }) {
  return (
    <ul className="flex h-5 flex-wrap items-center gap-x-4 text-xs" aria-label="Priorities (show their tickets)">
      {ticketPriorities.map((p) => (
        <li key={p}>
          <button
            type="button"
            data-legend={p}
            onClick={() => onPriority(p)}
            title={`Show ${p} priority tickets`}
            className={`inline-flex items-center gap-1.5 text-muted hover:text-ink hover:underline ${buttonClass}`}
          >
            <PriorityDot priority={p} />
            {priorityLabel(p)}
          </button>
        </li>
      ))}
    </ul>
  );
}

// Constant across redraws: recharts redraws a chart once more, a frame later, whenever an axis's or
// a series' props change identity (see tickets-over-time).
const chartMargin = { top: 4, right: 4, bottom: 0, left: 0 };
const tickStyle = { fill: 'var(--color-muted)', fontSize: 11 };
const axisLine = { stroke: 'var(--color-line)' };
const barCursor = { fill: 'var(--color-accent-soft)' };
const CountTick = countTick(11);

function HistogramView({ data, onPriority }: { data: ResponseTimeResponse; onPriority: (p: TicketPriority) => void }) {
  const bins = useMemo<Bin[]>(
    () =>
      data.histogram.map((b) => ({
        ...b,
        label: bucketLabel(b.fromHours, b.toHours),
        total: ticketPriorities.reduce((sum, p) => sum + b[p], 0),
      })),
    [data.histogram],
  );
  return (
    <div className="flex h-full flex-col gap-2">
      <PriorityLegend onPriority={onPriority} />
      <div aria-hidden="true" style={{ height: chartHeight }}>
        <ChartBox className="h-full w-full">
          {(size) => (
            <BarChart data={bins} {...size} margin={chartMargin} accessibilityLayer={false}>
              <CartesianGrid vertical={false} stroke="var(--color-line)" />
              <XAxis dataKey="label" tick={tickStyle} tickLine={false} axisLine={axisLine} minTickGap={8} interval="preserveStart" />
              <YAxis tick={CountTick} interval={0} tickLine={false} axisLine={false} width={44} allowDecimals={false} />
              <Tooltip content={BinTooltip} cursor={barCursor} isAnimationActive={false} />
              {ticketPriorities.map((p) => (
                <Bar
                  key={p}
                  dataKey={p}
                  name={priorityLabel(p)}
                  stackId="priority"
                  fill={priorityColor[p]}
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={() => onPriority(p)}
                />
              ))}
            </BarChart>
          )}
        </ChartBox>
      </div>
      <table className="sr-only">
        <caption>Resolved tickets by resolution time and priority</caption>
        <thead>
          <tr>
            <th scope="col">Resolution time</th>
            {ticketPriorities.map((p) => (
              <th key={p} scope="col">
                {priorityLabel(p)}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.fromHours} data-bucket={b.label}>
              <th scope="row">{b.label}</th>
              {ticketPriorities.map((p) => (
                <td key={p} data-col={p} data-value={b[p]}>
                  {formatCount(b[p])}
                </td>
              ))}
              <td data-col="total" data-value={b.total}>
                {formatCount(b.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Memoized on its data (recharts is most of a redraw): filter changes and the refreshing state re-render the widget, not the chart. */
export const Histogram = memo(HistogramView);
