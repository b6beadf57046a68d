// <ops-ticket-distribution>: how the filtered tickets split by type (donut with a legend of
// buttons) and by priority (bars stacked open vs closed). Attribute `view`: type | priority | both.
// Every slice, legend entry and bar part drills into the tickets it stands for.
import { memo, useMemo, type ReactNode } from 'react';
import { Pie, PieChart, Tooltip, type TooltipContentProps } from 'recharts';
import { ticketPriorities, type TicketPriority } from '../../shared/helpdesk.ts';
import { useAnalytics, type AnalyticsResponse } from '../runtime/analytics-client.ts';
import { formatCount, formatPercent } from '../runtime/format.ts';
import { ChartSwatch, ChartTooltipBox } from '../runtime/ui/chart-tooltip.tsx';
import { EmptyState, ErrorNotice, Loading, Refreshing, SkeletonBlock } from '../runtime/ui/states.tsx';
import { useCsvExport, useDrill, useFilters } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';

type Distribution = AnalyticsResponse<'ticketDistribution'>;

export const views = ['type', 'priority', 'both'] as const;
export type View = (typeof views)[number];

export interface TicketDistributionProps extends WidgetAttributes {
  view?: string;
}

function viewOf(value: string | undefined): View {
  return (views as readonly string[]).includes(value ?? '') ? (value as View) : 'both';
}

const priorityLabel: Record<TicketPriority, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };

const parts = [
  { key: 'open', name: 'Open', color: 'var(--color-chart-3)' },
  { key: 'closed', name: 'Closed', color: 'var(--color-chart-5)' },
] as const;

// Written out: Tailwind only emits the theme variables it finds in the sources.
const palette = [
  'var(--color-chart-1)',
  'var(--color-chart-2)',
  'var(--color-chart-3)',
  'var(--color-chart-4)',
  'var(--color-chart-5)',
  'var(--color-chart-6)',
];
/** More types than colours: later rounds mix the colours toward the surface, then toward the ink. */
const shades = [(c: string) => c, (c: string) => `color-mix(in oklab, ${c} 55%, var(--color-surface))`, (c: string) => `color-mix(in oklab, ${c} 60%, var(--color-ink))`];

interface Slice {
  id: number;
  name: string;
  count: number;
  percent: number | null;
  fill: string;
}

/** Colours follow the type's id, not its rank, so a type keeps its colour when filters reorder them. */
function slicesOf(data: Distribution): Slice[] {
  const byId = [...data.byType].map((t) => t.ticketTypeId).sort((a, b) => a - b);
  return data.byType.map((t) => {
    const at = byId.indexOf(t.ticketTypeId);
    return {
      id: t.ticketTypeId,
      name: t.name,
      count: t.count,
      percent: t.percent,
      fill: shades[Math.floor(at / palette.length) % shades.length]!(palette[at % palette.length]!),
    };
  });
}

// ---- sizes (skeleton, states and content share them) ----------------------------------------

const donutSize = 176;
/** Legend list: room for 14 rows of 20px; more types scroll inside it. */
const legendHeight = 'h-[280px]';
const sectionHeading = 'mb-2 flex h-6 items-center justify-between gap-2';
const priorityRow = 'h-9';
const layoutClass: Record<View, string> = {
  type: '',
  priority: '',
  both: 'grid gap-6 @4xl:grid-cols-2',
};
/** Content height of each view (padding included), for the states that stand in for it. */
const boxHeight: Record<View, string> = {
  type: 'h-[344px]',
  priority: 'h-[232px]',
  both: 'h-[568px] @4xl:h-[344px]',
};

function Heading({ id, children, aside }: { id: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <div className={sectionHeading}>
      <h3 id={id} className="text-xs font-semibold tracking-wide text-muted uppercase">
        {children}
      </h3>
      {aside}
    </div>
  );
}

// ---- by type --------------------------------------------------------------------------------

function TypeTooltip({ active, payload }: TooltipContentProps) {
  const slice = payload?.[0]?.payload as Slice | undefined;
  if (!active || !slice) return null;
  return (
    <ChartTooltipBox
      title={slice.name}
      items={[{ name: 'Tickets', value: `${formatCount(slice.count)} (${formatPercent(slice.percent)})`, color: slice.fill }]}
      hint="Click to list these tickets"
    />
  );
}

// Memoized on the data (as ByPriority): filter changes and the refreshing state re-render Content,
// and only new data needs the donut redrawn.
const ByType = memo(function ByType({ data, slices }: { data: Distribution; slices: Slice[] }) {
  const drill = useDrill();
  const open = (slice: Slice) => drill({ ticketType: { op: 'is', ids: [slice.id] } }, `Type: ${slice.name}`);
  return (
    <section aria-labelledby="dist-type">
      <Heading id="dist-type">By type</Heading>
      <div className="flex gap-4">
        <div className="relative flex shrink-0 items-center" aria-hidden="true" style={{ width: donutSize }}>
          <PieChart width={donutSize} height={donutSize} accessibilityLayer={false}>
            <Pie
              data={slices}
              dataKey="count"
              nameKey="name"
              innerRadius={54}
              outerRadius={86}
              paddingAngle={slices.length > 1 ? 1 : 0}
              stroke="var(--color-surface)"
              strokeWidth={1}
              rootTabIndex={-1}
              isAnimationActive={false}
              className="cursor-pointer"
              onClick={(_, index) => {
                const slice = slices[index];
                if (slice) open(slice);
              }}
            />
            <Tooltip content={TypeTooltip} isAnimationActive={false} />
          </PieChart>
          <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
            <span className="text-lg leading-6 font-semibold tabular-nums">{formatCount(data.total)}</span>
            <span className="text-xs text-muted">tickets</span>
          </div>
        </div>
        <ul className={`${legendHeight} min-w-0 flex-1 overflow-y-auto`} aria-label="Tickets by type">
          {slices.map((s) => (
            <li key={s.id} data-row="" data-type-id={s.id} data-count={s.count}>
              <button
                type="button"
                onClick={() => open(s)}
                title={`Show the ${s.name} tickets`}
                className="flex h-5 w-full items-center gap-2 rounded px-1 text-left text-xs hover:bg-accent-soft focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
              >
                <ChartSwatch color={s.fill} />
                <span className="min-w-0 flex-1 truncate">{s.name}</span>
                <span className="tabular-nums">{formatCount(s.count)}</span>
                <span className="w-12 text-right text-muted tabular-nums">{formatPercent(s.percent)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
});

// ---- by priority ----------------------------------------------------------------------------

interface PriorityRow {
  priority: TicketPriority;
  open: number;
  closed: number;
  percent: number | null;
}

function priorityRowsOf(data: Distribution): PriorityRow[] {
  const byPriority = new Map(data.byPriority.map((p) => [p.priority, p]));
  return ticketPriorities.map((priority) => {
    const p = byPriority.get(priority);
    const open = p?.open ?? 0;
    const closed = p?.closed ?? 0;
    return {
      priority,
      open,
      closed,
      percent: data.total === 0 ? null : Math.round(((open + closed) / data.total) * 1000) / 10,
    };
  });
}

function PartKey() {
  return (
    <span className="flex items-center gap-3 text-xs text-muted" aria-hidden="true">
      {parts.map((p) => (
        <span key={p.key} className="flex items-center gap-1.5">
          <ChartSwatch color={p.color} />
          {p.name}
        </span>
      ))}
    </span>
  );
}

const ByPriority = memo(function ByPriority({ rows }: { rows: PriorityRow[] }) {
  const drill = useDrill();
  const max = Math.max(1, ...rows.map((r) => r.open + r.closed));
  return (
    <section aria-labelledby="dist-priority">
      <Heading id="dist-priority" aside={<PartKey />}>
        By priority
      </Heading>
      <table className="w-full table-fixed text-xs">
        <caption className="sr-only">Tickets by priority, open and closed</caption>
        <colgroup>
          <col className="w-16" />
          <col />
          <col className="w-14" />
          <col className="w-14" />
          <col className="w-12" />
        </colgroup>
        <thead className="text-muted">
          <tr className="h-6">
            <th scope="col" className="text-left font-medium">Priority</th>
            <th scope="col" className="font-medium"><span className="sr-only">Open and closed</span></th>
            <th scope="col" className="text-right font-medium">Open</th>
            <th scope="col" className="text-right font-medium">Closed</th>
            <th scope="col" className="text-right font-medium">Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.priority} data-row="" data-priority={r.priority} data-open={r.open} data-closed={r.closed} className={priorityRow}>
              <th scope="row" className="text-left font-medium">{priorityLabel[r.priority]}</th>
              <td className="px-2">
                <div className="flex h-4 w-full items-stretch">
                  {parts.map((part) => {
                    const count = r[part.key];
                    if (count === 0) return null;
                    return (
                      <button
                        key={part.key}
                        type="button"
                        data-status={part.key}
                        onClick={() => drill({ priority: { op: 'is', values: [r.priority] } }, `Priority: ${r.priority} · ${part.key}`, part.key)}
                        aria-label={`${priorityLabel[r.priority]} priority, ${part.key}: ${formatCount(count)} tickets. Show them`}
                        title={`${priorityLabel[r.priority]}, ${part.key}: ${formatCount(count)}`}
                        className="h-full min-w-1 cursor-pointer first:rounded-l-sm last:rounded-r-sm hover:brightness-110 focus-visible:relative focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
                        style={{ width: `${(count / max) * 100}%`, backgroundColor: part.color }}
                      />
                    );
                  })}
                </div>
              </td>
              <td className="text-right tabular-nums">{formatCount(r.open)}</td>
              <td className="text-right tabular-nums">{formatCount(r.closed)}</td>
              <td className="text-right text-muted tabular-nums">{formatPercent(r.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});

// ---- states ---------------------------------------------------------------------------------

function TypeSkeleton() {
  return (
    <div>
      <div className={sectionHeading}>
        <SkeletonBlock className="h-3 w-16" />
      </div>
      <div className="flex gap-4">
        <div className="flex shrink-0 items-center" style={{ width: donutSize }}>
          <SkeletonBlock className="size-[172px] rounded-full" />
        </div>
        <div className={`${legendHeight} flex min-w-0 flex-1 flex-col justify-start gap-2 pt-1`}>
          {Array.from({ length: 14 }, (_, i) => (
            <SkeletonBlock key={i} className="h-3 w-full" />
          ))}
        </div>
      </div>
    </div>
  );
}

function PrioritySkeleton() {
  return (
    <div>
      <div className={sectionHeading}>
        <SkeletonBlock className="h-3 w-20" />
      </div>
      <div className="h-6" />
      {ticketPriorities.map((p) => (
        <div key={p} className={`${priorityRow} flex items-center gap-3`}>
          <SkeletonBlock className="h-3 w-12" />
          <SkeletonBlock className="h-4 flex-1" />
          <SkeletonBlock className="h-3 w-24" />
        </div>
      ))}
    </div>
  );
}

function Sections({ view, type, priority }: { view: View; type: ReactNode; priority: ReactNode }) {
  return (
    <div className="@container p-4">
      <div className={layoutClass[view]}>
        {view !== 'priority' && type}
        {view !== 'type' && priority}
      </div>
    </div>
  );
}

function Skeleton({ view }: { view: View }) {
  return (
    <Loading label="Loading ticket distribution">
      <Sections view={view} type={<TypeSkeleton />} priority={<PrioritySkeleton />} />
    </Loading>
  );
}

function StateBox({ view, children }: { view: View; children: ReactNode }) {
  return (
    <div className="@container">
      <div className={`flex items-center justify-center p-4 ${boxHeight[view]}`}>{children}</div>
    </div>
  );
}

// ---- widget ---------------------------------------------------------------------------------

function Content({ view }: { view: View }) {
  const { filters } = useFilters();
  const { data, error, loading, refreshing } = useAnalytics('ticketDistribution', { filters });

  const slices = useMemo(() => (data ? slicesOf(data) : []), [data]);
  const priorities = useMemo(() => (data ? priorityRowsOf(data) : []), [data]);

  const table = useMemo(() => {
    if (!data || data.total === 0) return undefined;
    const rows = [
      ...(view !== 'priority' ? slices.map((s) => ['type', s.name, s.count, null, null, s.percent]) : []),
      ...(view !== 'type' ? priorities.map((p) => ['priority', priorityLabel[p.priority], p.open + p.closed, p.open, p.closed, p.percent]) : []),
    ];
    return { name: 'ticket-distribution', header: ['section', 'name', 'count', 'open', 'closed', 'percent'], rows };
  }, [data, slices, priorities, view]);
  useCsvExport(error ? undefined : table);

  if (error) {
    return (
      <StateBox view={view}>
        <ErrorNotice>The ticket distribution could not be loaded: {error}</ErrorNotice>
      </StateBox>
    );
  }
  if (loading || !data) return <Skeleton view={view} />;
  return (
    <Refreshing active={refreshing}>
      {data.total === 0 ? (
        <StateBox view={view}>
          <EmptyState>No tickets match these filters</EmptyState>
        </StateBox>
      ) : (
        <Sections view={view} type={<ByType data={data} slices={slices} />} priority={<ByPriority rows={priorities} />} />
      )}
    </Refreshing>
  );
}

export function TicketDistribution(props: TicketDistributionProps) {
  const view = viewOf(props.view);
  return (
    <WidgetRoot {...props} widget="ops-ticket-distribution" title="Ticket distribution" skeleton={<Skeleton view={view} />}>
      <Content view={view} />
    </WidgetRoot>
  );
}
