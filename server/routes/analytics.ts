// /api/analytics/*: staff-only aggregates. Each endpoint validates its body against the shared
// schema (400 with field messages), then answers inside the caller's RLS transaction. /batch
// answers several endpoints on one snapshot, side by side where spare connections allow.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { endTime, startTime } from 'hono/timing';
import {
  analyticsBatchRequest,
  analyticsPaths,
  analyticsRequests,
  changeVersionHeader,
  type AnalyticsBatchResult,
  type AnalyticsEndpoint,
  type AnalyticsParams,
  type AnalyticsResponses,
} from '../../shared/analytics/api.ts';
import { isStaffRole } from '../../shared/auth/roles.ts';
import { widgetsAllow } from '../../shared/widgets.ts';
import type { EmbedScope } from '../auth/embed-tokens.ts';
import { changeVersion } from '../analytics/change-version.ts';
import { clientAnalysis } from '../analytics/client-analysis.ts';
import { overdue } from '../analytics/overdue.ts';
import { overview } from '../analytics/overview.ts';
import { analyticsQuery } from '../analytics/query.ts';
import { responseTime } from '../analytics/response-time.ts';
import { teamPerformance } from '../analytics/team-performance.ts';
import { ticketDistribution } from '../analytics/ticket-distribution.ts';
import { ticketsOverTime } from '../analytics/tickets-over-time.ts';
import type { Identify } from '../auth/identity.ts';
import { fieldErrors, jsonBody, refuse } from '../http.ts';
import type { RlsTransaction, RlsWork, WithRls } from '../rls.ts';
import { requireIdentity, type IdentityEnv } from './identity-middleware.ts';

type Answers = { [E in AnalyticsEndpoint]: (tx: RlsTransaction, params: AnalyticsParams<E>) => Promise<AnalyticsResponses[E]> };

/** What each endpoint computes from its validated body, inside a transaction it is given. */
const answers: Answers = {
  overview: async (tx, { filters }) => overview(await analyticsQuery(tx, filters)),
  ticketsOverTime: async (tx, { filters, granularity }) => ticketsOverTime(await analyticsQuery(tx, filters), granularity),
  ticketDistribution: async (tx, { filters }) => ticketDistribution(await analyticsQuery(tx, filters)),
  teamPerformance: async (tx, { filters }) => teamPerformance(await analyticsQuery(tx, filters)),
  clientAnalysis: async (tx, { filters, ...params }) => clientAnalysis(await analyticsQuery(tx, filters), params),
  responseTime: async (tx, { filters }) => responseTime(await analyticsQuery(tx, filters)),
  overdue: async (tx, { filters, page, pageSize }) => overdue(await analyticsQuery(tx, filters), page, pageSize),
};

function embedAllows(embed: EmbedScope | null, path: string): boolean {
  return !embed || widgetsAllow(embed.widgets, 'analytics', path);
}

const notAllowed = (path: string) => `This embed token does not allow ${path}.`;

/** One batch item validated as its own route would validate it. */
type CheckedItem = { [E in AnalyticsEndpoint]: { ok: true; endpoint: E; params: AnalyticsParams<E> } }[AnalyticsEndpoint];

function checkItem(endpoint: AnalyticsEndpoint, body: unknown, embed: EmbedScope | null): CheckedItem | Extract<AnalyticsBatchResult, { ok: false }> {
  const path = analyticsPaths[endpoint];
  if (!embedAllows(embed, path)) return { ok: false, status: 403, error: 'widget_not_allowed', message: notAllowed(path) };
  const parsed = analyticsRequests[endpoint].safeParse(body ?? {});
  if (!parsed.success) {
    return { ok: false, status: 400, error: 'invalid_request', message: 'The request body is invalid.', fields: fieldErrors(parsed.error) };
  }
  // safeParse of endpoint E's schema yields E's params; TypeScript cannot follow the pairing.
  return { ok: true, endpoint, params: parsed.data } as CheckedItem;
}

function answerItem(tx: RlsTransaction, item: CheckedItem): Promise<AnalyticsBatchResult> {
  // The handler and its params belong to the same endpoint (CheckedItem pairs them).
  const answer = answers[item.endpoint] as (tx: RlsTransaction, params: CheckedItem['params']) => Promise<unknown>;
  return answer(tx, item.params).then((data) => ({ ok: true, endpoint: item.endpoint, data }) as AnalyticsBatchResult);
}

export function analyticsRoutes(identify: Identify, withRls: WithRls) {
  const answer = async <E extends AnalyticsEndpoint>(c: Context<IdentityEnv>, endpoint: E, params: AnalyticsParams<E>) => {
    const work = (tx: RlsTransaction) => Promise.all([answers[endpoint](tx, params), changeVersion(tx)]);
    const [data, version] = await withRls(c.var.identity.auth, work, { snapshot: true });
    c.header(changeVersionHeader, String(version));
    return data;
  };

  return new Hono<IdentityEnv>()
    .use(requireIdentity(identify))
    .use(async (c, next) => {
      const { auth, embed } = c.var.identity;
      if (!isStaffRole(auth.role)) return refuse(c, 403, 'forbidden', 'Analytics are for staff only.');
      const path = c.req.path.split('/').pop() ?? '';
      // A batch is checked item by item.
      if (path !== 'batch' && !embedAllows(embed, path)) return refuse(c, 403, 'widget_not_allowed', notAllowed(path));
      await next();
    })
    .post('/overview', jsonBody(analyticsRequests.overview), async (c) => c.json(await answer(c, 'overview', c.req.valid('json'))))
    .post('/tickets-over-time', jsonBody(analyticsRequests.ticketsOverTime), async (c) =>
      c.json(await answer(c, 'ticketsOverTime', c.req.valid('json'))),
    )
    .post('/ticket-distribution', jsonBody(analyticsRequests.ticketDistribution), async (c) =>
      c.json(await answer(c, 'ticketDistribution', c.req.valid('json'))),
    )
    .post('/team-performance', jsonBody(analyticsRequests.teamPerformance), async (c) =>
      c.json(await answer(c, 'teamPerformance', c.req.valid('json'))),
    )
    .post('/client-analysis', jsonBody(analyticsRequests.clientAnalysis), async (c) =>
      c.json(await answer(c, 'clientAnalysis', c.req.valid('json'))),
    )
    .post('/response-time', jsonBody(analyticsRequests.responseTime), async (c) => c.json(await answer(c, 'responseTime', c.req.valid('json'))))
    .post('/overdue', jsonBody(analyticsRequests.overdue), async (c) => c.json(await answer(c, 'overdue', c.req.valid('json'))))
    .post('/batch', jsonBody(analyticsBatchRequest), async (c) => {
      const { auth, embed } = c.var.identity;
      const checked = c.req.valid('json').requests.map((r) => checkItem(r.endpoint, r.body, embed));
      // Refused items keep their place in the results; the others run side by side on one snapshot.
      const asked = checked.filter((item) => 'params' in item);
      startTime(c, 'sql', 'the reports, in one RLS snapshot');
      // The change version first: `each` keeps its first works on the request's own connection.
      const works: RlsWork<number | AnalyticsBatchResult>[] = [
        changeVersion,
        ...asked.map((item) => (tx: RlsTransaction) => answerItem(tx, item)),
      ];
      const [version, ...rest] = await withRls.each(auth, works);
      // Same order as `works`: the version, then one answer per asked item.
      const answered = rest as AnalyticsBatchResult[];
      endTime(c, 'sql');
      c.header(changeVersionHeader, String(version));
      let next = 0;
      const results = checked.map((item) => ('params' in item ? answered[next++]! : item));
      return c.json({ results });
    });
}
