// /api/analytics/client-analysis: every client matching the search, with its tickets and open
// tickets under the filters, what it spent, and its latest ticket; sorted (by ticket volume unless
// asked otherwise) and paged in SQL. Ticket counts come from the client cube (a lane per client,
// in blocks of 64) plus the partial months, summed per block and decoded here.
import type { ClientAnalysisResponse, ClientSortKey } from '../../shared/analytics/api.ts';
import { cubeCells } from './cells.ts';
import type { AnalyticsQuery } from './query.ts';
import { round2 } from './query.ts';
import { edgeFacts } from './scope.ts';
import { decodeLanes } from './settings.ts';

export interface ClientAnalysisParams {
  search: string;
  page: number;
  pageSize: number;
  sort: { by: ClientSortKey; direction: 'asc' | 'desc' };
}

const sortColumns: Record<ClientSortKey, string> = {
  totalTickets: 'total_tickets',
  openTickets: 'open_tickets',
  totalSpent: 'total_spent',
  lastTicketAt: 'last_ticket_at',
  clientName: 'client_name',
};

/** A search string as a literal ILIKE pattern: its %, _ and \ match themselves. */
function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface Row {
  client_id: number;
  client_name: string;
  plan_type: string | null;
  total_tickets: number;
  open_tickets: number;
  total_spent: string;
  last_ticket_at: Date | null;
  total: number;
}

/** Tickets and open tickets per client under the filters (clients without any are absent). */
async function ticketsPerClient(q: AnalyticsQuery): Promise<Map<number, { n: number; open: number }>> {
  const { tx, scope, settings } = q;
  const edges = edgeFacts(tx, scope, tx`f.client_id, f.is_open`);
  // Partial-month rows are counted per client, then packed like the rollup's cells.
  const edgeBlocks = edges
    ? tx`union all
         select client_id / analytics.lanes(), n * analytics.lane_unit(client_id % analytics.lanes()),
                open_n * analytics.lane_unit(client_id % analytics.lanes())
           from (select client_id, count(*) as n, sum(is_open) as open_n from (${edges}) f group by client_id) e`
    : tx``;
  const cells = cubeCells(tx, 'client_cells', q.predicates.sets, [], scope.months, (sign) =>
    tx`c.block, ${sign} c.n as n, ${sign} c.open_n as open_n`,
  );
  const blocks = await tx<{ block: number; n: string; open_n: string }[]>`
    select block, sum(n)::text as n, sum(open_n)::text as open_n
      from (${cells} ${edgeBlocks}) x
     group by block`;
  const result = new Map<number, { n: number; open: number }>();
  for (const b of blocks) {
    const n = decodeLanes(b.n, settings.lanes, settings.laneDigits);
    const open = decodeLanes(b.open_n, settings.lanes, settings.laneDigits);
    n.forEach((count, lane) => {
      if (count > 0) result.set(b.block * settings.lanes + lane, { n: count, open: open[lane]! });
    });
  }
  return result;
}

export async function clientAnalysis(q: AnalyticsQuery, params: ClientAnalysisParams): Promise<ClientAnalysisResponse> {
  const { tx, scope } = q;
  const counts = await ticketsPerClient(q);
  const ids = [...counts.keys()];
  // Column and direction come from fixed lists; the client id breaks ties so pages never overlap.
  const order = tx.unsafe(
    `${sortColumns[params.sort.by]} ${params.sort.direction} nulls last, client_name asc, client_id asc`,
  );
  // A client's latest ticket under the filters: one index probe, for the page's clients only
  // unless the list is sorted by it.
  const lastTicket = (client: string) => tx`(
    select f.created_at from analytics.ticket_facts f
     where f.client_id = ${tx.unsafe(client)} and f.created_at is not null and ${scope.facts}
     order by f.created_at desc limit 1)`;
  const bySortKey = params.sort.by === 'lastTicketAt';
  const rows = await tx<Row[]>`
    with counted as (
      select * from unnest(${ids}::int[], ${ids.map((id) => counts.get(id)!.n)}::int[],
                           ${ids.map((id) => counts.get(id)!.open)}::int[]) as t(client_id, n, open_n)
    ), spent as (
      select client_id, sum(amount_usd) as total from payments
       where status in ('completed', 'refunded') group by client_id
    ), listed as (
      select cl.id as client_id, cl.client_name, cl.plan_type,
             coalesce(t.n, 0) as total_tickets, coalesce(t.open_n, 0) as open_tickets,
             coalesce(s.total, 0) as total_spent
             ${bySortKey ? tx`, ${lastTicket('cl.id')} as last_ticket_at` : tx``}
        from clients cl
        left join counted t on t.client_id = cl.id
        left join spent s on s.client_id = cl.id
       where cl.client_name ilike ${containsPattern(params.search)}
    ), page as (
      select *, count(*) over ()::int as total from listed
       order by ${order}
       limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}
    )
    select p.* ${bySortKey ? tx`` : tx`, ${lastTicket('p.client_id')} as last_ticket_at`}
      from page p order by ${order}`;
  let total = rows[0]?.total;
  if (total === undefined) {
    const [count] = await tx<{ n: number }[]>`
      select count(*)::int as n from clients where client_name ilike ${containsPattern(params.search)}`;
    total = count?.n ?? 0;
  }
  return {
    rows: rows.map((r) => ({
      clientId: r.client_id,
      clientName: r.client_name,
      planType: r.plan_type,
      totalTickets: r.total_tickets,
      openTickets: r.open_tickets,
      totalSpent: round2(Number(r.total_spent)),
      lastTicketAt: r.last_ticket_at?.toISOString() ?? null,
    })),
    total,
    page: params.page,
    pageSize: params.pageSize,
  };
}
