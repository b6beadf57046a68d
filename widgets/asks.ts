// What each widget asks the API for first, by element: the requests its content will make for its
// attributes and effective filters. Sent before React renders the widget (ask-ahead.ts): by the
// early entry, when the element connects, and in the task of every filter change of its scope.
// A widget without an entry here simply asks when it renders.
import type { WidgetTag } from '../shared/widgets.ts';
import { kpiCardsAsks } from './kpi-cards/asks.ts';
import { responseTimeAsks } from './response-time/asks.ts';
import type { WidgetAsks } from './runtime/ask-ahead.ts';
import { teamPerformanceAsks } from './team-performance/asks.ts';
import { ticketDistributionAsks } from './ticket-distribution/asks.ts';
import { ticketsOverTimeAsks } from './tickets-over-time/asks.ts';

export const widgetAsks: Partial<Record<WidgetTag, WidgetAsks>> = {
  'ops-kpi-cards': kpiCardsAsks,
  'ops-tickets-over-time': ticketsOverTimeAsks,
  'ops-ticket-distribution': ticketDistributionAsks,
  'ops-team-performance': teamPerformanceAsks,
  'ops-response-time': responseTimeAsks,
};
