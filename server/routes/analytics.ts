// /api/analytics/*: staff-only aggregates. Each endpoint validates its body against the shared
// schema (400 with field messages), then answers inside the caller's RLS transaction.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { analyticsRequests } from '../../shared/analytics/api.ts';
import type { Filters } from '../../shared/analytics/filters.ts';
import { isStaffRole } from '../../shared/auth/roles.ts';
import { widgetsAllow } from '../../shared/widgets.ts';
import { clientAnalysis } from '../analytics/client-analysis.ts';
import { overdue } from '../analytics/overdue.ts';
import { overview } from '../analytics/overview.ts';
import { analyticsQuery, type AnalyticsQuery } from '../analytics/query.ts';
import { responseTime } from '../analytics/response-time.ts';
import { teamPerformance } from '../analytics/team-performance.ts';
import { ticketDistribution } from '../analytics/ticket-distribution.ts';
import { ticketsOverTime } from '../analytics/tickets-over-time.ts';
import type { Identify } from '../auth/identity.ts';
import { jsonBody, refuse } from '../http.ts';
import type { WithRls } from '../rls.ts';
import { requireIdentity, type IdentityEnv } from './identity-middleware.ts';

export function analyticsRoutes(identify: Identify, withRls: WithRls) {
  const answer = <T>(c: Context<IdentityEnv>, filters: Filters, work: (q: AnalyticsQuery) => Promise<T>) =>
    withRls(c.var.identity.auth, async (tx) => work(await analyticsQuery(tx, filters)), { snapshot: true });

  return new Hono<IdentityEnv>()
    .use(requireIdentity(identify))
    .use(async (c, next) => {
      const { auth, embed } = c.var.identity;
      if (!isStaffRole(auth.role)) return refuse(c, 403, 'forbidden', 'Analytics are for staff only.');
      const endpoint = c.req.path.split('/').pop() ?? '';
      if (embed && !widgetsAllow(embed.widgets, 'analytics', endpoint)) {
        return refuse(c, 403, 'widget_not_allowed', `This embed token does not allow ${endpoint}.`);
      }
      await next();
    })
    .post('/overview', jsonBody(analyticsRequests.overview), async (c) => {
      const { filters } = c.req.valid('json');
      return c.json(await answer(c, filters, overview));
    })
    .post('/tickets-over-time', jsonBody(analyticsRequests.ticketsOverTime), async (c) => {
      const { filters, granularity } = c.req.valid('json');
      return c.json(await answer(c, filters, (q) => ticketsOverTime(q, granularity)));
    })
    .post('/ticket-distribution', jsonBody(analyticsRequests.ticketDistribution), async (c) => {
      const { filters } = c.req.valid('json');
      return c.json(await answer(c, filters, ticketDistribution));
    })
    .post('/team-performance', jsonBody(analyticsRequests.teamPerformance), async (c) => {
      const { filters } = c.req.valid('json');
      return c.json(await answer(c, filters, teamPerformance));
    })
    .post('/client-analysis', jsonBody(analyticsRequests.clientAnalysis), async (c) => {
      const { filters, ...params } = c.req.valid('json');
      return c.json(await answer(c, filters, (q) => clientAnalysis(q, params)));
    })
    .post('/response-time', jsonBody(analyticsRequests.responseTime), async (c) => {
      const { filters } = c.req.valid('json');
      return c.json(await answer(c, filters, responseTime));
    })
    .post('/overdue', jsonBody(analyticsRequests.overdue), async (c) => {
      const { filters, page, pageSize } = c.req.valid('json');
      return c.json(await answer(c, filters, (q) => overdue(q, page, pageSize)));
    });
}
