// /api/analytics/overdue: the overdue tickets themselves, newest first, a page at a time. The total
// is the sum of the per-type counts, which use the same definition.
import type { OverdueResponse } from '../../shared/analytics/api.ts';
import { overdueCounts } from './overdue-counts.ts';
import { ticketTypes } from './ticket-types.ts';
import { round2, type AnalyticsQuery } from './query.ts';
import { totals } from './totals.ts';

interface Row {
  ticket_id: number;
  title: string;
  client_name: string;
  type_name: string;
  priority: string | null;
  status: string | null;
  created_at: Date;
  resolved_at: Date | null;
  actual_s: number;
  expected_hours: number;
}

export async function overdue(q: AnalyticsQuery, page: number, pageSize: number): Promise<OverdueResponse> {
  const { tx, scope } = q;
  // The page's ticket ids first (an index walk over created_at), then their details; sent along
  // with the counts' statements rather than after them.
  const listing = tx<Row[]>`
    with page as (
      select f.ticket_id, f.client_id, f.ticket_type_id, f.priority, f.status, f.created_at, f.resolved_at,
             coalesce(f.res_s, extract(epoch from now() - f.created_at)::float8) as actual_s,
             tt.avg_resolution_hours as expected_hours
        from analytics.ticket_facts f join ticket_types tt on tt.id = f.ticket_type_id
       where ${scope.facts} and tt.avg_resolution_hours is not null
         and (f.res_s > tt.avg_resolution_hours * 3600
              or (f.resolved_at is null and f.is_closed = 0 and f.created_at < now() - tt.avg_resolution_hours * interval '1 hour'))
       order by f.created_at desc, f.ticket_id desc
       limit ${pageSize} offset ${(page - 1) * pageSize}
    )
    select p.ticket_id, t.title, c.client_name, tt.type_name, p.priority, p.status, p.created_at, p.resolved_at,
           p.actual_s, p.expected_hours
      from page p
      join tickets t on t.id = p.ticket_id
      join clients c on c.id = p.client_id
      join ticket_types tt on tt.id = p.ticket_type_id
     order by p.created_at desc, p.ticket_id desc`;
  const counting = Promise.all([totals(q, 'ticket_type_id'), ticketTypes(q)]).then(([[byType], types]) =>
    overdueCounts(q, types, byType),
  );
  const [rows, counts] = await Promise.all([listing, counting]);
  const total = [...counts.values()].reduce((sum, c) => sum + c.resolved + c.breaching, 0);
  return {
    rows: rows.map((r) => {
      const actualHours = r.actual_s / 3600;
      return {
        ticketId: r.ticket_id,
        title: r.title,
        clientName: r.client_name,
        typeName: r.type_name,
        priority: r.priority,
        status: r.status,
        createdAt: r.created_at.toISOString(),
        resolvedAt: r.resolved_at?.toISOString() ?? null,
        actualHours: round2(actualHours),
        expectedHours: r.expected_hours,
        overByHours: round2(actualHours - r.expected_hours),
        breachingNow: r.resolved_at === null,
      };
    }),
    total,
    page,
    pageSize,
  };
}
