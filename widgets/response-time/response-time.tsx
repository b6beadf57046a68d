// <ops-response-time>: how long tickets take to resolve. Four sections in one responsive grid:
// statistics per priority, a histogram of resolution hours stacked by priority, expected vs actual
// hours per ticket type, and the overdue tickets a page at a time. Data comes from the
// `responseTime` and `overdue` endpoints with the scope's filters; the overdue list goes back to
// its first page whenever the filters change.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OverdueResponse, ResponseTimeResponse } from '../../shared/analytics/api.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
import { ticketPriorities, type TicketPriority } from '../../shared/helpdesk.ts';
import { useAnalytics } from '../runtime/analytics-client.ts';
import type { CsvCell, CsvTable } from '../runtime/csv.ts';
import { ErrorNotice } from '../runtime/ui/states.tsx';
import { pageCount } from '../runtime/ui/table-pagination.tsx';
import { useViewState } from '../runtime/view-state.ts';
import { useCsvExport, useDrill, useFilters } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { Histogram, histogramHeight, HistogramSkeleton } from './histogram.tsx';
import { overduePageSize } from './asks.ts';
import { OverdueList, overdueHeight, OverdueSkeleton } from './overdue-list.tsx';
import { Panel, priorityLabel, SectionBody, type Source } from './panel.tsx';
import { PriorityStats, priorityStatsHeight, PriorityStatsSkeleton, statColumns } from './priority-stats.tsx';
import { hasTypeData, TypeComparison, typeComparisonHeight, TypeComparisonSkeleton } from './type-comparison.tsx';

const noTickets = 'No tickets match these filters';

interface LayoutProps {
  stats: Source<ResponseTimeResponse> | undefined;
  overdue: Source<OverdueResponse> | undefined;
  page: number;
  onPage: (page: number) => void;
  onPriority: (priority: TicketPriority) => void;
  onType: (row: ResponseTimeResponse['byType'][number]) => void;
}

/** The grid; with no sources (the frame still connecting) every section shows its placeholder. */
function Layout({ stats, overdue, page, onPage, onPriority, onType }: LayoutProps) {
  // Nothing at all matches: every section says so in the same words.
  const nothing =
    stats?.data !== undefined &&
    stats.data.overall.count === 0 &&
    !hasTypeData(stats.data.byType) &&
    overdue?.data !== undefined &&
    overdue.data.total === 0;
  const staleErrors = (
    [
      ['stats', stats],
      ['overdue', overdue],
    ] as const
  ).flatMap(([source, s]) => (s?.data !== undefined && s.error !== undefined ? [{ source, message: s.error }] : []));
  return (
    <div className="@container p-4">
      {staleErrors.map(({ source, message }) => (
        <ErrorNotice key={source}>{message}</ErrorNotice>
      ))}
      <div className="grid gap-4 @5xl:grid-cols-2">
        <Panel
          section="priority"
          title="Resolution time by priority"
          description="Hours from creation to resolution of resolved tickets"
          className="@5xl:col-start-1 @5xl:row-start-1"
        >
          <SectionBody
            source={stats}
            height={priorityStatsHeight}
            label="Loading resolution times"
            skeleton={<PriorityStatsSkeleton />}
            empty={(d) => (d.overall.count > 0 ? null : nothing ? noTickets : 'No resolved tickets match these filters')}
          >
            {(d) => <PriorityStats data={d} onPriority={onPriority} />}
          </SectionBody>
        </Panel>
        <Panel
          section="histogram"
          title="Resolution time distribution"
          description="Resolved tickets by hours to resolve, stacked by priority"
          className="@5xl:col-start-1 @5xl:row-start-2"
        >
          <SectionBody
            source={stats}
            height={histogramHeight}
            label="Loading the distribution"
            skeleton={<HistogramSkeleton />}
            empty={(d) => (d.histogram.length > 0 ? null : nothing ? noTickets : 'No resolved tickets match these filters')}
          >
            {(d) => <Histogram data={d} onPriority={onPriority} />}
          </SectionBody>
        </Panel>
        <Panel
          section="types"
          title="Expected vs actual by ticket type"
          description="Average hours to resolve against the type's expected hours"
          className="@5xl:col-start-2 @5xl:row-span-2 @5xl:row-start-1"
        >
          <SectionBody
            source={stats}
            height={typeComparisonHeight}
            label="Loading ticket types"
            skeleton={<TypeComparisonSkeleton />}
            empty={(d) => (hasTypeData(d.byType) ? null : nothing ? noTickets : 'No resolved or overdue tickets match these filters')}
          >
            {(d) => <TypeComparison data={d} onType={onType} />}
          </SectionBody>
        </Panel>
        <Panel
          section="overdue"
          title="Overdue tickets"
          description="Resolved later than, or open longer than, their type's expected hours; newest first"
          className="@5xl:col-span-2"
        >
          <SectionBody
            source={overdue}
            height={overdueHeight}
            label="Loading overdue tickets"
            skeleton={<OverdueSkeleton />}
            empty={(d) => (d.total > 0 ? null : nothing ? noTickets : 'No overdue tickets match these filters')}
          >
            {(d) => <OverdueList data={d} page={page} onPage={onPage} />}
          </SectionBody>
        </Panel>
      </div>
    </div>
  );
}

/** The overdue page, back to 1 whenever the filters change (no extra request for the old page). */
function useOverduePage(filters: Filters): [number, (page: number) => void] {
  const [page, storePage] = useViewState(JSON.stringify(filters), 1);
  const setPage = useCallback((next: number) => storePage(Math.max(1, next)), [storePage]);
  return [page, setPage];
}

/** A live change can shrink the list under the viewer: then stay on its last page. */
function useOverdueClamp(page: number, total: number | undefined, setPage: (page: number) => void) {
  useEffect(() => {
    if (total === undefined) return;
    const lastPage = pageCount(total, overduePageSize);
    if (page > lastPage) setPage(lastPage);
  }, [page, total, setPage]);
}

/**
 * The CSV is one table with a `Section` column, because the widget shows four parts of different
 * shapes: `priority` rows (one per priority plus `all`, with the statistics columns filled),
 * `histogram` rows (one per bar: its hours and the count of each priority), `type` rows (expected
 * against average actual hours, and the overdue count) and `overdue` rows (the overdue page on
 * screen, with the ticket columns filled). Columns that do not apply to a row's section are empty.
 * Hours are raw numbers (2 decimals), dates ISO 8601.
 */
function csvTable(stats: ResponseTimeResponse | undefined, overdue: OverdueResponse | undefined): CsvTable | undefined {
  if (!stats && !overdue) return undefined;
  const statHeader = statColumns.map((c) => (c.key === 'count' ? 'Resolved count' : `${c.label} h`));
  const histogramHeader = ['From h', 'To h', ...ticketPriorities.map(priorityLabel)];
  const typeHeader = ['Type', 'Expected h', 'Avg actual h', 'Overdue count'];
  const ticketHeader = ['Ticket #', 'Title', 'Client', 'Status', 'Created', 'Actual h', 'Over by h', 'Breaching now'];
  const header = ['Section', 'Priority', ...statHeader, ...histogramHeader, ...typeHeader, ...ticketHeader];
  // A row of one section: its own cells in their columns, the rest empty.
  const row = (section: string, cells: Partial<Record<string, CsvCell>>): CsvCell[] => [section, ...header.slice(1).map((h) => cells[h] ?? null)];
  const rows: CsvCell[][] = [];
  if (stats) {
    for (const r of [...stats.byPriority, { priority: 'all', ...stats.overall }]) {
      rows.push(row('priority', { Priority: r.priority, ...Object.fromEntries(statColumns.map((c, i) => [statHeader[i]!, r[c.key]])) }));
    }
    for (const b of stats.histogram) {
      rows.push(row('histogram', { 'From h': b.fromHours, 'To h': b.toHours, ...Object.fromEntries(ticketPriorities.map((p) => [priorityLabel(p), b[p]])) }));
    }
    for (const t of stats.byType) {
      rows.push(row('type', { Type: t.name, 'Expected h': t.expectedHours, 'Avg actual h': t.avgActualHours, 'Overdue count': t.overdueCount }));
    }
  }
  if (overdue) {
    for (const t of overdue.rows) {
      rows.push(
        row('overdue', {
          Priority: t.priority,
          'Ticket #': t.ticketId,
          Title: t.title,
          Client: t.clientName,
          Type: t.typeName,
          Status: t.status,
          Created: t.createdAt,
          'Actual h': t.actualHours,
          'Expected h': t.expectedHours,
          'Over by h': t.overByHours,
          'Breaching now': t.breachingNow,
        }),
      );
    }
  }
  return { name: 'response-time', header, rows };
}

function ResponseTimeContent() {
  const { filters } = useFilters();
  const drill = useDrill();
  const stats = useAnalytics('responseTime', { filters });
  const [page, setPage] = useOverduePage(filters);
  const overdue = useAnalytics('overdue', { filters, page, pageSize: overduePageSize });
  useOverdueClamp(page, overdue.data?.total, setPage);

  const csv = useMemo(() => csvTable(stats.data, overdue.data), [stats.data, overdue.data]);
  useCsvExport(csv);

  const onPriority = useCallback(
    (priority: TicketPriority) => drill({ priority: { op: 'is', values: [priority] } }, `Priority: ${priority}`),
    [drill],
  );
  const onType = useCallback(
    (row: ResponseTimeResponse['byType'][number]) => drill({ ticketType: { op: 'is', ids: [row.ticketTypeId] } }, `Ticket type: ${row.name}`),
    [drill],
  );

  return <Layout stats={stats} overdue={overdue} page={page} onPage={setPage} onPriority={onPriority} onType={onType} />;
}

const noop = () => {};

export function ResponseTime(props: WidgetAttributes) {
  return (
    <WidgetRoot
      {...props}
      widget="ops-response-time"
      title="Response time"
      skeleton={<Layout stats={undefined} overdue={undefined} page={1} onPage={noop} onPriority={noop} onType={noop} />}
    >
      <ResponseTimeContent />
    </WidgetRoot>
  );
}
