// The analytics API contract: request bodies (validated on the server, typed for widgets) and the
// response shapes. Hours are rounded to 2 decimals; metrics over an empty set are null, never 0.
import { z } from 'zod';
import type { TicketPriority } from '../helpdesk.ts';
import { filtersSchema } from './filters.ts';

const withFilters = { filters: filtersSchema.default({}) };
const page = z.number().int().min(1, 'pages start at 1').default(1);
const pageSize = z.number().int().min(1).max(100, 'at most 100 rows per page').default(20);

export const granularities = ['month', 'week', 'day'] as const;
export type Granularity = (typeof granularities)[number];

export const clientSortKeys = ['totalTickets', 'openTickets', 'totalSpent', 'lastTicketAt', 'clientName'] as const;
export type ClientSortKey = (typeof clientSortKeys)[number];

export const analyticsRequests = {
  overview: z.object(withFilters).strict(),
  ticketsOverTime: z
    .object({ ...withFilters, granularity: z.enum(granularities, { error: `must be one of ${granularities.join(', ')}` }).default('month') })
    .strict(),
  ticketDistribution: z.object(withFilters).strict(),
  teamPerformance: z.object(withFilters).strict(),
  clientAnalysis: z
    .object({
      ...withFilters,
      search: z.string().trim().max(100, 'at most 100 characters').default(''),
      page,
      pageSize,
      sort: z
        .object({
          by: z.enum(clientSortKeys, { error: `must be one of ${clientSortKeys.join(', ')}` }),
          direction: z.enum(['asc', 'desc']).default('desc'),
        })
        .strict()
        .default({ by: 'totalTickets', direction: 'desc' }),
    })
    .strict(),
  responseTime: z.object(withFilters).strict(),
  overdue: z.object({ ...withFilters, page, pageSize }).strict(),
} as const;

export type AnalyticsEndpoint = keyof typeof analyticsRequests;

/** Each endpoint's path under /api/analytics/. */
export const analyticsPaths = {
  overview: 'overview',
  ticketsOverTime: 'tickets-over-time',
  ticketDistribution: 'ticket-distribution',
  teamPerformance: 'team-performance',
  clientAnalysis: 'client-analysis',
  responseTime: 'response-time',
  overdue: 'overdue',
} as const satisfies Record<AnalyticsEndpoint, string>;

export type AnalyticsPath = (typeof analyticsPaths)[AnalyticsEndpoint];
export type AnalyticsRequest<E extends AnalyticsEndpoint> = z.input<(typeof analyticsRequests)[E]>;

/** A request body as the server holds it after validation (defaults filled in). */
export type AnalyticsParams<E extends AnalyticsEndpoint> = z.output<(typeof analyticsRequests)[E]>;

const endpointNames = Object.keys(analyticsRequests) as [AnalyticsEndpoint, ...AnalyticsEndpoint[]];

/**
 * POST /api/analytics/batch: the widgets of one page ask together when their filters change. One
 * request instead of one per widget, one identity check and one snapshot, so the numbers the widgets
 * show come from the same moment. Each item is checked on its own: a bad item gets its own refusal
 * in `results` and does not take its neighbours down.
 */
export const analyticsBatchMax = 12;
export const analyticsBatchRequest = z
  .object({
    requests: z
      .array(
        z
          .object({
            endpoint: z.enum(endpointNames, { error: `must be one of ${endpointNames.join(', ')}` }),
            // Absent means {} (every endpoint has defaults), as on its own route.
            body: z.unknown().optional(),
          })
          .strict(),
      )
      .min(1, 'ask for at least one endpoint')
      .max(analyticsBatchMax, `at most ${analyticsBatchMax} requests per batch`),
  })
  .strict();

/**
 * Response header of every analytics answer: the staff change counter (database/schema/live.ts) as
 * the answer's snapshot saw it. A widget fetches again when the counter Zero syncs has moved past
 * it, and only then, however late Zero connects.
 */
export const changeVersionHeader = 'Ops-Change-Version';

/** One item's answer: the endpoint's body, or the refusal its own route would have sent. */
export type AnalyticsBatchResult =
  | { [E in AnalyticsEndpoint]: { ok: true; endpoint: E; data: AnalyticsResponses[E] } }[AnalyticsEndpoint]
  | { ok: false; status: 400 | 403; error: string; message: string; fields?: Record<string, string> };

export interface OverviewMetrics {
  totalTickets: number;
  /** status open or in_progress */
  openTickets: number;
  /** status resolved or closed */
  resolvedTickets: number;
  avgResolutionHours: number | null;
  medianResolutionHours: number | null;
  /** mean feedback rating over the filtered tickets */
  csat: number | null;
  csatResponses: number;
}

export interface DayRange {
  from: string;
  to: string;
}

export interface OverviewResponse extends OverviewMetrics {
  /** The same metrics for the preceding period of equal length, when the date filter is bounded. */
  previous: OverviewMetrics | null;
  previousRange: DayRange | null;
}

export interface TicketsOverTimeResponse {
  granularity: Granularity;
  range: DayRange;
  /** period: "2025-01" (month), the Monday "2025-01-06" (week), "2025-01-07" (day). */
  buckets: { period: string; created: number; resolved: number }[];
}

export interface TicketDistributionResponse {
  total: number;
  byType: { ticketTypeId: number; name: string; count: number; percent: number | null }[];
  byPriority: { priority: TicketPriority; open: number; closed: number }[];
}

export interface TeamPerformanceRow {
  teamMemberId: number;
  username: string;
  department: string;
  status: string | null;
  assigned: number;
  resolved: number;
  avgResolutionHours: number | null;
  medianResolutionHours: number | null;
  avgRating: number | null;
  ratingCount: number;
}

export interface TeamPerformanceResponse {
  rows: TeamPerformanceRow[];
}

export interface ClientAnalysisRow {
  clientId: number;
  clientName: string;
  planType: string | null;
  totalTickets: number;
  openTickets: number;
  /** completed payments plus refunds (negative amounts); failed and pending excluded */
  totalSpent: number;
  lastTicketAt: string | null;
}

export interface ClientAnalysisResponse {
  rows: ClientAnalysisRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ResolutionStats {
  count: number;
  min: number | null;
  max: number | null;
  median: number | null;
  avg: number | null;
  p90: number | null;
}

export interface ResponseTimeResponse {
  byPriority: ({ priority: TicketPriority } & ResolutionStats)[];
  overall: ResolutionStats;
  histogram: ({ fromHours: number; toHours: number | null } & Record<TicketPriority, number>)[];
  byType: { ticketTypeId: number; name: string; expectedHours: number | null; avgActualHours: number | null; overdueCount: number }[];
}

export interface OverdueRow {
  ticketId: number;
  title: string;
  clientName: string;
  typeName: string;
  priority: string | null;
  status: string | null;
  createdAt: string;
  resolvedAt: string | null;
  actualHours: number;
  expectedHours: number;
  overByHours: number;
  /** Unresolved and already older than its type's expected hours. */
  breachingNow: boolean;
}

export interface OverdueResponse {
  rows: OverdueRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Each endpoint's success body. */
export interface AnalyticsResponses {
  overview: OverviewResponse;
  ticketsOverTime: TicketsOverTimeResponse;
  ticketDistribution: TicketDistributionResponse;
  teamPerformance: TeamPerformanceResponse;
  clientAnalysis: ClientAnalysisResponse;
  responseTime: ResponseTimeResponse;
  overdue: OverdueResponse;
}

/** Without a date filter, time series cover this range (the brief's reporting year so far). */
export const defaultReportRange: DayRange = { from: '2025-01-01', to: '2025-11-30' };
