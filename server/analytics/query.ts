// Everything an analytics endpoint needs for one request: the RLS transaction, the rollups'
// settings, the filter's predicates and the stored rows that answer them.
import type { Filters } from '../../shared/analytics/filters.ts';
import { ticketPredicates, type TicketPredicates } from '../../shared/analytics/predicates.ts';
import type { RlsTransaction } from '../rls.ts';
import { buildScope, type Scope } from './scope.ts';
import { analyticsSettings, type AnalyticsSettings } from './settings.ts';

export interface AnalyticsQuery {
  tx: RlsTransaction;
  settings: AnalyticsSettings;
  filters: Filters;
  predicates: TicketPredicates;
  scope: Scope;
}

export async function analyticsQuery(tx: RlsTransaction, filters: Filters): Promise<AnalyticsQuery> {
  const settings = await analyticsSettings(tx);
  const predicates = ticketPredicates(filters, settings.timeZone);
  return { tx, settings, filters, predicates, scope: buildScope(tx, predicates, settings.timeZone) };
}

/** The same question for other predicates (e.g. the previous period). */
export function withPredicates(q: AnalyticsQuery, predicates: TicketPredicates): AnalyticsQuery {
  return { ...q, predicates, scope: buildScope(q.tx, predicates, q.settings.timeZone) };
}

/** Numbers for people: 2 decimals. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function hours(seconds: number | null): number | null {
  return seconds === null ? null : round2(seconds / 3600);
}

export function ratio(sum: number, count: number): number | null {
  return count === 0 ? null : sum / count;
}
