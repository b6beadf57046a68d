// The analytics endpoints' answers computed the plain way, straight from the provided tables, for
// the tests to compare with: no rollups, no production query builder, no shared filter compiler.
// Slow and obviously right: local days via AT TIME ZONE, NULL-aware set filters via IS NOT DISTINCT
// FROM, medians via percentile_cont.
import type postgres from 'postgres';
import type { Sql } from '../../database/client.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
import type {
  ClientAnalysisRow,
  Granularity,
  OverdueRow,
  OverviewMetrics,
  ResolutionStats,
  ResponseTimeResponse,
  TeamPerformanceRow,
} from '../../shared/analytics/api.ts';
import { priorities } from './random-filters.ts';

const defaultFrom = '2025-01-01';
const defaultTo = '2025-11-30';

type Fragment = postgres.Fragment;

export class Reference {
  private readonly sql: Sql;
  private readonly timeZone: string;

  constructor(sql: Sql, timeZone: string) {
    this.sql = sql;
    this.timeZone = timeZone;
  }

  private localDay(column: string): Fragment {
    return this.sql`(${this.sql.unsafe(column)} at time zone ${this.timeZone})::date`;
  }

  /** Rows of `listed` matched NULL-aware: null in the list matches NULL in the column. */
  private setFilter(column: string, op: string, listed: readonly (number | string | null)[], type: 'int' | 'text'): Fragment {
    const array = type === 'int' ? this.sql`${listed as (number | null)[]}::int[]` : this.sql`${listed as (string | null)[]}::text[]`;
    const anyListed = this.sql`exists (select 1 from unnest(${array}) as v(x) where v.x is not distinct from ${this.sql.unsafe(column)})`;
    return op === 'is' || op === 'isAnyOf' ? anyListed : this.sql`not ${anyListed}`;
  }

  /** The non-date filters. */
  private setFilters(f: Filters): Fragment {
    let where = this.sql`true`;
    if (f.assignee) where = this.sql`${where} and ${this.setFilter('t.assigned_to', f.assignee.op, f.assignee.ids, 'int')}`;
    if (f.ticketType) where = this.sql`${where} and ${this.setFilter('t.ticket_type_id', f.ticketType.op, f.ticketType.ids, 'int')}`;
    if (f.priority) where = this.sql`${where} and ${this.setFilter('t.priority', f.priority.op, f.priority.values, 'text')}`;
    return where;
  }

  private dateFilter(f: Filters): Fragment {
    const c = f.created;
    if (!c) return this.sql`true`;
    const day = this.localDay('t.created_at');
    switch (c.op) {
      case 'on':
        return this.sql`${day} = ${c.date}::date`;
      case 'between':
        return this.sql`${day} between ${c.from}::date and ${c.to}::date`;
      case 'onOrBefore':
        return this.sql`${day} <= ${c.date}::date`;
      case 'onOrAfter':
        return this.sql`${day} >= ${c.date}::date`;
    }
  }

  where(f: Filters): Fragment {
    return this.sql`${this.dateFilter(f)} and ${this.setFilters(f)}`;
  }

  private hours(end: string, start: string): Fragment {
    return this.sql.unsafe(`extract(epoch from ${end} - ${start}) / 3600`);
  }

  async overviewMetrics(f: Filters) {
    const h = this.hours('t.resolved_at', 't.created_at');
    const [row] = await this.sql<OverviewMetrics[]>`
      select count(*)::int as "totalTickets",
             count(*) filter (where t.status in ('open', 'in_progress'))::int as "openTickets",
             count(*) filter (where t.status in ('resolved', 'closed'))::int as "resolvedTickets",
             avg(${h})::float8 as "avgResolutionHours",
             percentile_cont(0.5) within group (order by ${h})::float8 as "medianResolutionHours",
             avg(fb.rating)::float8 as csat,
             count(fb.rating)::int as "csatResponses"
        from tickets t left join ticket_feedback fb on fb.ticket_id = t.id
       where ${this.where(f)}`;
    return row!;
  }

  /** The preceding period of equal length, for a date filter bounded on both sides. */
  previousRange(f: Filters): { from: string; to: string } | null {
    const c = f.created;
    if (!c || c.op === 'onOrBefore' || c.op === 'onOrAfter') return null;
    const [first, last] = c.op === 'on' ? [c.date, c.date] : [c.from, c.to];
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
    const length = Math.round((day(last) - day(first)) / 86_400_000) + 1;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return { from: iso(day(first) - length * 86_400_000), to: iso(day(first) - 86_400_000) };
  }

  /** The days a time series covers: the filter's, open sides from Jan–Nov 2025. */
  seriesRange(f: Filters): { from: string; to: string } {
    const c = f.created;
    const first = c?.op === 'on' ? c.date : c?.op === 'between' ? c.from : c?.op === 'onOrAfter' ? c.date : undefined;
    const last = c?.op === 'on' ? c.date : c?.op === 'between' ? c.to : c?.op === 'onOrBefore' ? c.date : undefined;
    let from = first ?? defaultFrom;
    let to = last ?? defaultTo;
    if (from > to) {
      if (first === undefined) from = to;
      else to = from;
    }
    return { from, to };
  }

  async ticketsOverTime(f: Filters, granularity: Granularity) {
    const { from, to } = this.seriesRange(f);
    const unit = this.sql.unsafe(`'${granularity}'`);
    const label = granularity === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
    const created = this.localDay('t.created_at');
    const resolved = this.localDay('t.resolved_at');
    return this.sql<{ period: string; created: number; resolved: number }[]>`
      with periods as (
        select p::date as period
          from generate_series(date_trunc(${unit}, ${from}::date), ${to}::date, ${`1 ${granularity}`}::interval) as p
      ), created as (
        select date_trunc(${unit}, ${created})::date as period, count(*) as n from tickets t
         where ${created} between ${from}::date and ${to}::date and ${this.setFilters(f)} group by 1
      ), resolved as (
        select date_trunc(${unit}, ${resolved})::date as period, count(*) as n from tickets t
         where ${resolved} between ${from}::date and ${to}::date and ${this.setFilters(f)} group by 1
      )
      select to_char(p.period, ${label}) as period, coalesce(c.n, 0)::int as created, coalesce(r.n, 0)::int as resolved
        from periods p left join created c using (period) left join resolved r using (period)
       order by p.period`;
  }

  async ticketDistribution(f: Filters) {
    const byType = await this.sql<{ ticketTypeId: number; name: string; count: number }[]>`
      select tt.id as "ticketTypeId", tt.type_name as name, count(t.id)::int as count
        from ticket_types tt left join tickets t on t.ticket_type_id = tt.id and ${this.where(f)}
       group by tt.id`;
    const byPriority = await this.sql<{ priority: string; open: number; closed: number }[]>`
      select p.priority,
             count(t.id) filter (where t.status in ('open', 'in_progress'))::int as open,
             count(t.id) filter (where t.status in ('resolved', 'closed'))::int as closed
        from unnest(${[...priorities]}::text[]) with ordinality as p(priority, n)
        left join tickets t on t.priority = p.priority and ${this.where(f)}
       group by p.priority, p.n order by p.n`;
    return { byType, byPriority };
  }

  async teamPerformance(f: Filters) {
    const h = this.hours('t.resolved_at', 't.created_at');
    return this.sql<TeamPerformanceRow[]>`
      select tm.id as "teamMemberId", tm.username, tm.department, tm.status,
             count(t.id)::int as assigned,
             count(t.id) filter (where t.status in ('resolved', 'closed'))::int as resolved,
             avg(${h})::float8 as "avgResolutionHours",
             percentile_cont(0.5) within group (order by ${h})::float8 as "medianResolutionHours",
             avg(fb.rating)::float8 as "avgRating",
             count(fb.rating)::int as "ratingCount"
        from team_members tm
        left join tickets t on t.assigned_to = tm.id and ${this.where(f)}
        left join ticket_feedback fb on fb.ticket_id = t.id
       group by tm.id order by tm.id`;
  }

  async clientAnalysis(
    f: Filters,
    params: { search: string; page: number; pageSize: number; sort: { by: string; direction: 'asc' | 'desc' } },
  ) {
    const columns: Record<string, string> = {
      totalTickets: '"totalTickets"',
      openTickets: '"openTickets"',
      totalSpent: '"totalSpent"',
      lastTicketAt: '"lastTicketAt"',
      clientName: '"clientName"',
    };
    const all = await this.sql<(Omit<ClientAnalysisRow, 'lastTicketAt'> & { lastTicketAt: Date | null })[]>`
      with filtered as (
        select t.client_id, count(*)::int as n, count(*) filter (where t.status in ('open', 'in_progress'))::int as open,
               max(t.created_at) as last
          from tickets t where ${this.where(f)} group by t.client_id
      )
      select c.id as "clientId", c.client_name as "clientName", c.plan_type as "planType",
             coalesce(ft.n, 0) as "totalTickets", coalesce(ft.open, 0) as "openTickets",
             coalesce((select sum(p.amount_usd) from payments p where p.client_id = c.id and p.status = 'completed'), 0)::float8
               + coalesce((select sum(p.amount_usd) from payments p where p.client_id = c.id and p.status = 'refunded'), 0)::float8
               as "totalSpent",
             ft.last as "lastTicketAt"
        from clients c left join filtered ft on ft.client_id = c.id
       where strpos(lower(c.client_name), lower(${params.search})) > 0
       order by ${this.sql.unsafe(`${columns[params.sort.by]} ${params.sort.direction} nulls last`)}, "clientName", "clientId"`;
    const start = (params.page - 1) * params.pageSize;
    return { rows: all.slice(start, start + params.pageSize), total: all.length };
  }

  private resolutionStats(where: Fragment) {
    const h = this.hours('t.resolved_at', 't.created_at');
    return this.sql<ResolutionStats[]>`
      select count(${h})::int as count, min(${h})::float8 as min, max(${h})::float8 as max,
             percentile_cont(0.5) within group (order by ${h})::float8 as median,
             avg(${h})::float8 as avg,
             percentile_cont(0.9) within group (order by ${h})::float8 as p90
        from tickets t where ${where}`;
  }

  async responseTime(f: Filters) {
    const byPriority = [];
    for (const p of priorities) {
      const [stats] = await this.resolutionStats(this.sql`${this.where(f)} and t.priority = ${p}`);
      byPriority.push({ priority: p, ...stats! });
    }
    const [overall] = await this.resolutionStats(this.where(f));
    const byType = await this.sql<ResponseTimeResponse['byType']>`
      select tt.id as "ticketTypeId", tt.type_name as name, tt.avg_resolution_hours as "expectedHours",
             avg(${this.hours('t.resolved_at', 't.created_at')})::float8 as "avgActualHours",
             count(t.id) filter (where ${this.overdueCondition('tt')})::int as "overdueCount"
        from ticket_types tt left join tickets t on t.ticket_type_id = tt.id and ${this.where(f)}
       group by tt.id order by tt.id`;
    return { byPriority, overall: overall!, byType };
  }

  /** Resolved later than expected, or unresolved (and not closed) and already older than that. */
  private overdueCondition(types: string): Fragment {
    const expected = this.sql.unsafe(`${types}.avg_resolution_hours`);
    return this.sql`(
      (t.resolved_at is not null and ${this.hours('t.resolved_at', 't.created_at')} > ${expected})
      or (t.resolved_at is null and t.status not in ('resolved', 'closed')
          and ${this.hours('now()', 't.created_at')} > ${expected}))`;
  }

  /**
   * Resolved tickets per bin and priority; bins are [fromHours, toHours), the first also takes
   * negative durations and a null toHours is open-ended.
   */
  async resolutionHistogram(f: Filters, bins: { fromHours: number; toHours: number | null }[]) {
    const h = this.hours('t.resolved_at', 't.created_at');
    const rows = await this.sql<{ bin: number; priority: string; n: number }[]>`
      select b.i::int as bin, t.priority, count(*)::int as n
        from unnest(${bins.map((b) => b.fromHours)}::float8[], ${bins.map((b) => b.toHours)}::float8[])
             with ordinality as b(from_h, to_h, i)
        join tickets t on t.resolved_at is not null
                      and (b.i = 1 or ${h} >= b.from_h) and (b.to_h is null or ${h} < b.to_h)
       where ${this.where(f)}
       group by b.i, t.priority`;
    return bins.map((bin, i) => ({
      fromHours: bin.fromHours,
      toHours: bin.toHours,
      ...Object.fromEntries(priorities.map((p) => [p, rows.find((r) => r.bin === i + 1 && r.priority === p)?.n ?? 0])),
    }));
  }

  async overdue(f: Filters, page: number, pageSize: number) {
    const rows = await this.sql<
      (Omit<OverdueRow, 'createdAt' | 'resolvedAt' | 'overByHours' | 'breachingNow'> & { createdAt: Date; resolvedAt: Date | null })[]
    >`
      select t.id as "ticketId", t.title, c.client_name as "clientName", tt.type_name as "typeName", t.priority, t.status,
             t.created_at as "createdAt", t.resolved_at as "resolvedAt",
             ${this.hours('coalesce(t.resolved_at, now())', 't.created_at')}::float8 as "actualHours",
             tt.avg_resolution_hours as "expectedHours"
        from tickets t join clients c on c.id = t.client_id join ticket_types tt on tt.id = t.ticket_type_id
       where ${this.where(f)} and ${this.overdueCondition('tt')}
       order by t.created_at desc, t.id desc`;
    const start = (page - 1) * pageSize;
    return { rows: rows.slice(start, start + pageSize), total: rows.length };
  }
}
