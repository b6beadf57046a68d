// <ops-kpi-cards>: the headline numbers of the filtered tickets (total, open, resolution time,
// CSAT), each with its change against the preceding period of equal length when the date filter is
// bounded. Total and Open drill down to the ticket list.
import { memo, useMemo, type ReactNode } from 'react';
import type { DayRange, OverviewMetrics } from '../../shared/analytics/api.ts';
import { useAnalytics, type AnalyticsResponse } from '../runtime/analytics-client.ts';
import { formatCount, formatHours, formatPercent, formatRating } from '../runtime/format.ts';
import { EmptyState, ErrorNotice, Loading, Refreshing, SkeletonBlock } from '../runtime/ui/states.tsx';
import { useCsvExport, useDrill, useFilters } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';

type Overview = AnalyticsResponse<'overview'>;

/** Which direction of change is good news. */
type Better = 'higher' | 'lower';

interface Change {
  /** Percent change against the previous period, or null when there is nothing to compare. */
  percent: number | null;
  text: string;
  tone: 'good' | 'bad' | 'neutral';
  trend: 'up' | 'down' | 'flat' | 'none';
}

function rangeText(range: DayRange): string {
  return `${range.from} – ${range.to}`;
}

function changeOf(current: number | null, previous: number | null | undefined, range: DayRange | null, better: Better): Change {
  if (previous === undefined || previous === null || current === null || range === null || previous === 0) {
    return { percent: null, text: '—', tone: 'neutral', trend: 'none' };
  }
  const percent = Math.round(((current - previous) / previous) * 1000) / 10;
  const vs = `vs ${rangeText(range)}`;
  if (percent === 0) return { percent: 0, text: `${formatPercent(0)} ${vs}`, tone: 'neutral', trend: 'flat' };
  const up = percent > 0;
  const good = better === 'higher' ? up : !up;
  return {
    percent,
    text: `${up ? '+' : '−'}${formatPercent(Math.abs(percent))} ${vs}`,
    tone: good ? 'good' : 'bad',
    trend: up ? 'up' : 'down',
  };
}

const toneClass: Record<Change['tone'], string> = {
  good: 'text-positive',
  bad: 'text-negative',
  neutral: 'text-muted',
};

const arrow: Record<Change['trend'], string> = { up: '↑', down: '↓', flat: '→', none: '' };

function ChangeLine({ change }: { change: Change }) {
  const title =
    change.trend === 'none'
      ? 'No comparison: choose a bounded date range to compare with the previous period'
      : change.tone === 'good'
        ? 'Better than the previous period'
        : change.tone === 'bad'
          ? 'Worse than the previous period'
          : 'Unchanged';
  return (
    <span
      className={`block truncate text-xs font-medium ${toneClass[change.tone]}`}
      data-change={change.percent ?? ''}
      data-trend={change.trend}
      data-tone={change.tone}
      title={title}
    >
      {arrow[change.trend] && (
        <span aria-hidden="true" className="mr-1">
          {arrow[change.trend]}
        </span>
      )}
      {change.text}
      {change.trend === 'none' && <span className="sr-only">no comparison</span>}
    </span>
  );
}

/** Value with its data-metric hook: the raw number in data-value (empty for null). */
function Metric({ name, value, children, className = '' }: { name: string; value: number | null; children: ReactNode; className?: string }) {
  return (
    <span data-metric={name} data-value={value ?? ''} className={className}>
      {children}
    </span>
  );
}

const cardHeight = 'h-36';
const cardClass = `${cardHeight} flex w-full min-w-0 flex-col justify-between rounded-lg border border-line bg-sunken px-4 py-3 text-left`;
const gridClass = 'grid grid-cols-1 gap-3 p-4 @sm:grid-cols-2 @5xl:grid-cols-4';
/** The grid's height in each layout (1, 2 or 4 columns), for states that stand in for the cards. */
const gridBoxHeight = 'h-[40.25rem] @sm:h-[20.75rem] @5xl:h-[11rem]';

interface CardProps {
  label: string;
  value: ReactNode;
  secondary: ReactNode;
  change: Change;
  onClick?: () => void;
  drillHint?: string;
  id: string;
}

function Card({ label, value, secondary, change, onClick, drillHint, id }: CardProps) {
  const content = (
    <>
      <span className="block text-xs font-medium text-muted">{label}</span>
      <span className="block text-2xl leading-8 font-semibold tabular-nums">{value}</span>
      <span className="block truncate text-xs text-muted">{secondary}</span>
      <ChangeLine change={change} />
      {drillHint && <span className="sr-only">{drillHint}</span>}
    </>
  );
  if (!onClick) {
    return (
      <div className={cardClass} data-card={id}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      onClick={onClick}
      data-card={id}
      title={drillHint}
      className={`${cardClass} cursor-pointer transition-colors hover:border-accent hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent`}
    >
      {content}
    </button>
  );
}

function Skeleton() {
  return (
    <Loading label="Loading key numbers" className="@container">
      <div className={gridClass}>
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className={cardClass}>
            <SkeletonBlock className="h-3 w-24" />
            <SkeletonBlock className="h-7 w-28" />
            <SkeletonBlock className="h-3 w-32" />
            <SkeletonBlock className="h-3 w-40" />
          </div>
        ))}
      </div>
    </Loading>
  );
}

function StateBox({ children }: { children: ReactNode }) {
  return (
    <div className="@container">
      <div className={`flex items-center justify-center p-4 ${gridBoxHeight}`}>{children}</div>
    </div>
  );
}

interface Row {
  metric: string;
  value: number | null;
  previous: number | null;
  change: Change;
}

function changes(data: Overview) {
  const prev: OverviewMetrics | null = data.previous;
  const range = data.previousRange;
  return {
    total: changeOf(data.totalTickets, prev?.totalTickets, range, 'higher'),
    open: changeOf(data.openTickets, prev?.openTickets, range, 'lower'),
    resolution: changeOf(data.avgResolutionHours, prev?.avgResolutionHours, range, 'lower'),
    csat: changeOf(data.csat, prev?.csat, range, 'higher'),
  };
}

/** Memoized on the data: filter changes and the refreshing state re-render Content, not the cards. */
const Cards = memo(function Cards({ data }: { data: Overview }) {
  const drill = useDrill();
  const c = useMemo(() => changes(data), [data]);
  const openShare = data.totalTickets === 0 ? null : (data.openTickets / data.totalTickets) * 100;
  return (
    <div className="@container">
      <div className={gridClass}>
        <Card
          id="total"
          label="Total tickets"
          value={<Metric name="total" value={data.totalTickets} className="block">{formatCount(data.totalTickets)}</Metric>}
          secondary={`${formatCount(data.resolvedTickets)} resolved or closed`}
          change={c.total}
          onClick={() => drill({}, 'All tickets')}
          drillHint="Show these tickets"
        />
        <Card
          id="open"
          label="Open tickets"
          value={<Metric name="open" value={data.openTickets} className="block">{formatCount(data.openTickets)}</Metric>}
          secondary={`${formatPercent(openShare)} of all tickets, open or in progress`}
          change={c.open}
          onClick={() => drill({}, 'Open tickets', 'open')}
          drillHint="Show the open tickets"
        />
        <Card
          id="resolution"
          label="Resolution time (average)"
          value={<Metric name="avg-resolution" value={data.avgResolutionHours} className="block">{formatHours(data.avgResolutionHours)}</Metric>}
          secondary={
            <>
              Median{' '}
              <Metric name="median-resolution" value={data.medianResolutionHours} className="font-medium text-ink">
                {formatHours(data.medianResolutionHours)}
              </Metric>
            </>
          }
          change={c.resolution}
        />
        <Card
          id="csat"
          label="Customer satisfaction"
          value={
            <span className="flex items-baseline gap-1">
              <Metric name="csat" value={data.csat}>
                {formatRating(data.csat)}
              </Metric>
              <span className="text-sm font-normal text-muted">/ 5</span>
            </span>
          }
          secondary={
            <>
              <Metric name="csat-responses" value={data.csatResponses}>
                {formatCount(data.csatResponses)}
              </Metric>{' '}
              {data.csatResponses === 1 ? 'response' : 'responses'}
            </>
          }
          change={c.csat}
        />
      </div>
    </div>
  );
});

function csvRows(data: Overview): Row[] {
  const c = changes(data);
  const p = data.previous;
  return [
    { metric: 'Total tickets', value: data.totalTickets, previous: p?.totalTickets ?? null, change: c.total },
    { metric: 'Open tickets', value: data.openTickets, previous: p?.openTickets ?? null, change: c.open },
    { metric: 'Average resolution hours', value: data.avgResolutionHours, previous: p?.avgResolutionHours ?? null, change: c.resolution },
    {
      metric: 'Median resolution hours',
      value: data.medianResolutionHours,
      previous: p?.medianResolutionHours ?? null,
      change: changeOf(data.medianResolutionHours, p?.medianResolutionHours, data.previousRange, 'lower'),
    },
    { metric: 'CSAT (average rating of 5)', value: data.csat, previous: p?.csat ?? null, change: c.csat },
    {
      metric: 'CSAT responses',
      value: data.csatResponses,
      previous: p?.csatResponses ?? null,
      change: changeOf(data.csatResponses, p?.csatResponses, data.previousRange, 'higher'),
    },
  ];
}

function Content() {
  const { filters } = useFilters();
  const { data, error, loading, refreshing } = useAnalytics('overview', { filters });

  const table = useMemo(() => {
    if (!data || data.totalTickets === 0) return undefined;
    return {
      name: 'key-numbers',
      // The change as a signed number of percent: text like "-4.4%" would be taken for a formula.
      header: ['metric', 'value', 'previous value', 'change (%)'],
      rows: csvRows(data).map((r) => [r.metric, r.value, r.previous, r.change.percent]),
    };
  }, [data]);
  useCsvExport(error ? undefined : table);

  if (error) {
    return (
      <StateBox>
        <ErrorNotice>The key numbers could not be loaded: {error}</ErrorNotice>
      </StateBox>
    );
  }
  if (loading || !data) return <Skeleton />;
  if (data.totalTickets === 0) {
    return (
      <Refreshing active={refreshing}>
        <StateBox>
          <EmptyState>No tickets match these filters</EmptyState>
        </StateBox>
      </Refreshing>
    );
  }
  return (
    <Refreshing active={refreshing}>
      <Cards data={data} />
    </Refreshing>
  );
}

export function KpiCards(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-kpi-cards" title="Key numbers" skeleton={<Skeleton />}>
      <Content />
    </WidgetRoot>
  );
}
