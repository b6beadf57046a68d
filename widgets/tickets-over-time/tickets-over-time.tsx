// <ops-tickets-over-time>: tickets created vs resolved per month, week or day, as lines or bars.
// Attributes `chart` (line | bar) and `granularity` (month | week | day) set the initial view; the
// header controls change it locally, and later attribute changes win again. Clicking a period (or
// pressing Enter on the focused chart) drills into the tickets created in that period.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Curve,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  useActiveTooltipDataPoints,
  useXAxisInverseDataSnapScale,
  type LineDrawShapeProps,
  type MouseHandlerDataParam,
  type TooltipContentProps,
  type XAxisTickContentProps,
} from 'recharts';
import { granularities, type DayRange, type Granularity } from '../../shared/analytics/api.ts';
import { addDays, nextMonth } from '../../shared/analytics/calendar.ts';
import { useAnalytics, type AnalyticsResponse } from '../runtime/analytics-client.ts';
import { formatCount } from '../runtime/format.ts';
import { ChartBox } from '../runtime/ui/chart-box.tsx';
import { countTick } from '../runtime/ui/count-tick.tsx';
import { ChartSwatch, ChartTooltipBox } from '../runtime/ui/chart-tooltip.tsx';
import { EmptyState, ErrorNotice, Loading, Refreshing, SkeletonBlock } from '../runtime/ui/states.tsx';
import { useCsvExport, useDrill, useFilters } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { granularityOf } from './asks.ts';

export const chartKinds = ['line', 'bar'] as const;
export type ChartKind = (typeof chartKinds)[number];

export interface TicketsOverTimeProps extends WidgetAttributes {
  chart?: string;
  granularity?: string;
}

function chartOf(value: string | undefined): ChartKind {
  return value === 'bar' ? 'bar' : 'line';
}

const granularityLabel: Record<Granularity, string> = { month: 'Month', week: 'Week', day: 'Day' };
const periodNoun: Record<Granularity, string> = { month: 'month', week: 'week', day: 'day' };

const series = [
  { key: 'created', name: 'Created', color: 'var(--color-chart-1)' },
  { key: 'resolved', name: 'Resolved', color: 'var(--color-chart-5)' },
] as const;

// Fixed English labels ("Jan 2025"), as the rest of the product's copy; days are calendar days, so UTC.
const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const fullDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

interface Row {
  period: string;
  /** Axis label. */
  label: string;
  /** Label for tables, tooltips and drill-down. */
  full: string;
  created: number;
  resolved: number;
  /** The period's days, clamped to the response range. */
  from: string;
  to: string;
}

function periodDays(period: string, granularity: Granularity): DayRange {
  if (granularity === 'month') {
    const from = `${period}-01`;
    return { from, to: addDays(nextMonth(from), -1) };
  }
  if (granularity === 'week') return { from: period, to: addDays(period, 6) };
  return { from: period, to: period };
}

function labelsOf(period: string, granularity: Granularity): { label: string; full: string } {
  if (granularity === 'month') {
    const text = monthYear.format(dateOf(`${period}-01`));
    return { label: text, full: text };
  }
  const date = dateOf(period);
  return {
    label: monthDay.format(date),
    full: granularity === 'week' ? `Week of ${fullDay.format(date)}` : fullDay.format(date),
  };
}

function rowsOf(data: AnalyticsResponse<'ticketsOverTime'>): Row[] {
  const { range, granularity } = data;
  return data.buckets.map((b) => {
    const days = periodDays(b.period, granularity);
    return {
      period: b.period,
      ...labelsOf(b.period, granularity),
      created: b.created,
      resolved: b.resolved,
      from: days.from < range.from ? range.from : days.from,
      to: days.to > range.to ? range.to : days.to,
    };
  });
}

// ---- header controls ------------------------------------------------------------------------

const segment =
  'px-2.5 py-1 text-xs font-medium rounded focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent';

function Controls(props: {
  chart: ChartKind;
  granularity: Granularity;
  onChart: (c: ChartKind) => void;
  onGranularity: (g: Granularity) => void;
}) {
  return (
    <>
      <div role="group" aria-label="Chart type" className="inline-flex rounded-md border border-line p-0.5">
        {chartKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={props.chart === kind}
            data-chart-kind={kind}
            onClick={() => props.onChart(kind)}
            className={`${segment} ${props.chart === kind ? 'bg-accent-soft text-accent' : 'text-muted hover:text-ink'}`}
          >
            {kind === 'line' ? 'Line' : 'Bar'}
          </button>
        ))}
      </div>
      <label className="inline-flex items-center gap-1.5 text-xs text-muted">
        Per
        <select
          value={props.granularity}
          onChange={(e) => props.onGranularity(granularityOf(e.target.value))}
          data-control="granularity"
          className="rounded-md border border-line bg-surface px-1.5 py-1 text-xs text-ink focus-visible:outline-2 focus-visible:outline-accent"
        >
          {granularities.map((g) => (
            <option key={g} value={g}>
              {granularityLabel[g]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

// ---- chart ----------------------------------------------------------------------------------

/**
 * Chart height: tall beside the distribution widget (same frame height there), lower once the widget
 * spans a wide row. A container query, so the skeleton and the states get the same.
 */
const chartHeight = 'h-[480px] @4xl:h-[300px]';
/** Padding, totals line (h-12 + mb-2) and chart: states that stand in for the chart use the sum. */
const bodyHeight = 'h-[568px] @4xl:h-[388px]';

/** The series' totals over the periods shown; doubles as the chart's legend. */
const Totals = memo(function Totals({ rows }: { rows: Row[] }) {
  return (
    <dl className="mb-2 flex h-12 items-center gap-8">
      {series.map((s) => (
        <div key={s.key}>
          <dt className="flex items-center gap-1.5 text-xs text-muted">
            <ChartSwatch color={s.color} />
            {s.name}
          </dt>
          <dd className="text-lg leading-7 font-semibold tabular-nums" data-total={s.key}>
            {formatCount(rows.reduce((sum, r) => sum + r[s.key], 0))}
          </dd>
        </div>
      ))}
    </dl>
  );
});

/** A month tick on two lines ("Jan" over "2025") so eleven months fit side by side. */
function MonthTick(props: XAxisTickContentProps) {
  const [month, year] = labelsOf(String(props.payload.value ?? ''), 'month').label.split(' ');
  return (
    <text x={props.x} y={props.y} dy={12} textAnchor="middle" fill="var(--color-muted)" fontSize={12}>
      <tspan x={props.x}>{month}</tspan>
      <tspan x={props.x} dy={14} fontSize={11}>
        {year}
      </tspan>
    </text>
  );
}

function OverTimeTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  return (
    <ChartTooltipBox
      title={row.full}
      items={series.map((s) => ({ name: s.name, value: formatCount(row[s.key]), color: s.color }))}
      hint="Click (or press Enter) to list the tickets created"
    />
  );
}

interface Probe {
  /** The period the pointer or the keyboard highlights (Enter drills into it). */
  active: Row | undefined;
  /** Pixel x (from the chart's left edge) to the nearest period. */
  periodAt: ((x: number) => unknown) | undefined;
}

/** Reads the chart's state for the handlers outside it. */
function ChartProbe({ probe }: { probe: RefObject<Probe> }) {
  const points = useActiveTooltipDataPoints<Row>();
  const invert = useXAxisInverseDataSnapScale();
  const row = points?.[0];
  useEffect(() => {
    probe.current.active = row;
    probe.current.periodAt = invert;
  }, [probe, row, invert]);
  return null;
}

function indexOf(state: MouseHandlerDataParam): number | undefined {
  const index = state.activeTooltipIndex ?? state.activeIndex;
  if (index === undefined || index === null) return undefined;
  const n = Number(index);
  return Number.isInteger(n) ? n : undefined;
}

// Constant across redraws: recharts keeps each axis's and series' props in its own store and, when
// one changes (a fresh object or function counts), replaces them and draws the chart a second time
// in the next animation frame. Only the rows should change when the data does.
const chartMargin = { top: 4, right: 20, bottom: 0, left: 0 };
const axisLine = { stroke: 'var(--color-line)' };
const tickStyle = { fill: 'var(--color-muted)', fontSize: 12 };
const axisLabelOf: Record<Granularity, (period: string) => string> = {
  month: (period) => labelsOf(period, 'month').label,
  week: (period) => labelsOf(period, 'week').label,
  day: (period) => labelsOf(period, 'day').label,
};
const CountTick = countTick(12);
const lineDot = Object.fromEntries(series.map((s) => [s.key, { r: 3, fill: s.color, strokeWidth: 0 }]));
const activeDot = { r: 5, stroke: 'var(--color-surface)', strokeWidth: 2 };
const barRadius: [number, number, number, number] = [3, 3, 0, 0];
const lineCursor = { stroke: 'var(--color-line)' };

/**
 * The line drawn without a ref to its path. Recharts reads the old path's length on every render to
 * animate it, even with animation off; that read is a forced layout (about 7 ms of each filter
 * change, since the KPI cards have just changed the page). These lines never animate.
 */
function UnmeasuredLine({ pathRef: _ref, animationElapsedTime: _t, isAnimating: _a, isEntrance: _e, visibleLength: _v, connectNulls, strokeDasharray, ...curve }: LineDrawShapeProps) {
  return <Curve {...curve} connectNulls={connectNulls ?? false} strokeDasharray={strokeDasharray === undefined ? undefined : String(strokeDasharray)} />;
}
const barCursor = { fill: 'var(--color-accent-soft)' };

// Memoized like Totals and DataTable: a filter change and the refreshing state re-render Content,
// and recharts' redraw is most of a filter change's cost; only new rows (or view) need it.
const Chart = memo(function Chart({ rows, kind, granularity, onDrill }: { rows: Row[]; kind: ChartKind; granularity: Granularity; onDrill: (row: Row) => void }) {
  const probe = useRef<Probe>({ active: undefined, periodAt: undefined });
  const box = useRef<HTMLDivElement>(null);
  // The click handler reads the rows through a ref, so it stays the same function across redraws.
  const current = useRef({ rows, onDrill });
  useLayoutEffect(() => {
    current.current = { rows, onDrill };
  }, [rows, onDrill]);
  // The period under the click itself: the tooltip's active index can lag a fast pointer.
  const onClick = useCallback((state: MouseHandlerDataParam, event: MouseEvent<SVGGraphicsElement>) => {
    const { rows, onDrill } = current.current;
    const left = box.current?.getBoundingClientRect().left;
    const period = left === undefined ? undefined : probe.current.periodAt?.(event.clientX - left);
    const i = indexOf(state);
    const row = rows.find((r) => r.period === period) ?? (i === undefined ? undefined : rows[i]);
    if (row) onDrill(row);
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = probe.current.active;
    if ((e.key === 'Enter' || e.key === ' ') && row) {
      e.preventDefault();
      onDrill(row);
    }
  };
  const monthly = granularity === 'month';
  const common = {
    data: rows,
    margin: chartMargin,
    onClick,
    className: 'cursor-pointer',
  };
  const axes: ReactNode[] = [
    <CartesianGrid key="grid" vertical={false} stroke="var(--color-line)" />,
    <XAxis
      key="x"
      dataKey="period"
      tickFormatter={axisLabelOf[granularity]}
      tickLine={false}
      axisLine={axisLine}
      tick={monthly ? MonthTick : tickStyle}
      height={monthly ? 36 : 24}
      interval={monthly ? 0 : 'preserveStartEnd'}
      minTickGap={16}
    />,
    <YAxis
      key="y"
      tickLine={false}
      axisLine={false}
      width={48}
      // Every count tick: five never collide on a chart this tall, and without the collision check
      // recharts does not measure each new label in the DOM (a forced layout) on every redraw.
      interval={0}
      allowDecimals={false}
      tick={CountTick}
    />,
    <ChartProbe key="probe" probe={probe} />,
  ];
  return (
    <div
      ref={box}
      onKeyDown={onKeyDown}
      className={`${chartHeight} [&_.recharts-surface:focus-visible]:outline-solid [&_.recharts-surface:focus-visible]:outline-2 [&_.recharts-surface:focus-visible]:outline-offset-2 [&_.recharts-surface:focus-visible]:outline-accent [&_.recharts-surface]:outline-none`}
    >
      <ChartBox className="h-full w-full">
        {(size) =>
          kind === 'line' ? (
            <LineChart {...common} {...size}>
              {axes}
              <Tooltip content={OverTimeTooltip} cursor={lineCursor} isAnimationActive={false} />
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.name}
                  stroke={s.color}
                  strokeWidth={2}
                  dot={monthly ? lineDot[s.key] : false}
                  activeDot={activeDot}
                  shape={UnmeasuredLine}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          ) : (
            <BarChart {...common} {...size} barGap={2}>
              {axes}
              <Tooltip content={OverTimeTooltip} cursor={barCursor} isAnimationActive={false} />
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={barRadius} maxBarSize={22} isAnimationActive={false} />
              ))}
            </BarChart>
          )
        }
      </ChartBox>
    </div>
  );
});

/** The numbers behind the chart, for assistive technology and tests. */
const DataTable = memo(function DataTable({ rows, granularity, range }: { rows: Row[]; granularity: Granularity; range: DayRange }) {
  return (
    <table className="sr-only">
      <caption>
        Tickets created and resolved per {periodNoun[granularity]}, {range.from} to {range.to}
      </caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Created</th>
          <th scope="col">Resolved</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.period} data-row="" data-period={r.period} data-created={r.created} data-resolved={r.resolved}>
            <th scope="row">{r.full}</th>
            <td>{r.created}</td>
            <td>{r.resolved}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

function Skeleton() {
  return (
    <Loading label="Loading tickets over time" className="@container">
      <div className="p-4">
        <div className="mb-2 flex h-12 items-center gap-8">
          {series.map((s) => (
            <div key={s.key} className="flex flex-col gap-2">
              <SkeletonBlock className="h-3 w-16" />
              <SkeletonBlock className="h-5 w-20" />
            </div>
          ))}
        </div>
        <SkeletonBlock className={`${chartHeight} w-full`} />
      </div>
    </Loading>
  );
}

function StateBox({ children }: { children: ReactNode }) {
  return (
    <div className="@container">
      <div className={`flex items-center justify-center p-4 ${bodyHeight}`}>{children}</div>
    </div>
  );
}

function Content({ chart, granularity }: { chart: ChartKind; granularity: Granularity }) {
  const { filters } = useFilters();
  const { data, error, loading, refreshing } = useAnalytics('ticketsOverTime', { filters, granularity });
  const drill = useDrill();

  const rows = useMemo(() => (data ? rowsOf(data) : []), [data]);
  const empty = rows.every((r) => r.created === 0 && r.resolved === 0);

  const table = useMemo(
    () =>
      data && !empty
        ? {
            name: `tickets-over-time-${data.granularity}`,
            header: ['period', 'created', 'resolved'],
            rows: rows.map((r) => [r.full, r.created, r.resolved]),
          }
        : undefined,
    [data, rows, empty],
  );
  useCsvExport(error ? undefined : table);

  const onDrill = useCallback(
    (row: Row) => drill({ created: { op: 'between', from: row.from, to: row.to } }, `Created: ${row.full}`),
    [drill],
  );

  if (error) {
    return (
      <StateBox>
        <ErrorNotice>Tickets over time could not be loaded: {error}</ErrorNotice>
      </StateBox>
    );
  }
  if (loading || !data) return <Skeleton />;
  return (
    <Refreshing active={refreshing}>
      {empty ? (
        <StateBox>
          <EmptyState>No tickets match these filters</EmptyState>
          <DataTable rows={rows} granularity={data.granularity} range={data.range} />
        </StateBox>
      ) : (
        <div className="@container">
          <div
            className="p-4"
            role="group"
            aria-label={`Created and resolved tickets per ${periodNoun[data.granularity]}. Use the arrow keys to move between periods and Enter to list the tickets created in one.`}
          >
            <Totals rows={rows} />
            <Chart rows={rows} kind={chart} granularity={data.granularity} onDrill={onDrill} />
            <DataTable rows={rows} granularity={data.granularity} range={data.range} />
          </div>
        </div>
      )}
    </Refreshing>
  );
}

/** Local state that starts from an attribute and follows the attribute whenever it changes. */
function useAttributeState<T>(attribute: string | undefined, parse: (v: string | undefined) => T): [T, (v: T) => void] {
  const [value, setValue] = useState(() => parse(attribute));
  const [seen, setSeen] = useState(attribute);
  if (seen !== attribute) {
    setSeen(attribute);
    setValue(parse(attribute));
  }
  return [value, setValue];
}

export function TicketsOverTime(props: TicketsOverTimeProps) {
  const [chart, setChart] = useAttributeState(props.chart, chartOf);
  const [granularity, setGranularity] = useAttributeState(props.granularity, granularityOf);
  return (
    <WidgetRoot
      {...props}
      widget="ops-tickets-over-time"
      title="Tickets over time"
      skeleton={<Skeleton />}
      actions={<Controls chart={chart} granularity={granularity} onChart={setChart} onGranularity={setGranularity} />}
    >
      <Content chart={chart} granularity={granularity} />
    </WidgetRoot>
  );
}
