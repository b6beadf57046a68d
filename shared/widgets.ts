// The custom elements the product ships, and which synced queries, mutators and analytics
// endpoints each may use. An embed token names the widgets it is for; the API refuses anything
// outside them.
import type { AnalyticsPath } from './analytics/api.ts';

export const widgetTags = [
  'ops-filter-bar',
  'ops-kpi-cards',
  'ops-tickets-over-time',
  'ops-ticket-distribution',
  'ops-team-performance',
  'ops-response-time',
  'ops-client-analysis',
  'ops-ticket-list',
  'ops-ticket-inbox',
  'ops-client-portal',
  'ops-recent-tickets',
] as const;

export type WidgetTag = (typeof widgetTags)[number];

export function isWidgetTag(value: string): value is WidgetTag {
  return (widgetTags as readonly string[]).includes(value);
}

/** Header a widget sends on API requests so an embed token's widget scope can be checked. */
export const widgetHeader = 'x-ops-widget';

interface WidgetAccess {
  queries: readonly string[];
  mutators: readonly string[];
  /** Analytics endpoints, by the path after /api/analytics/. */
  analytics: readonly AnalyticsPath[];
}

/** Every widget follows its viewer's change counter to stay live. */
const live = 'changes.counter';
const charts = (...analytics: AnalyticsPath[]): WidgetAccess => ({ queries: [live], mutators: [], analytics });
const lookups = ['teamMembers.all', 'ticketTypes.all', live];

export const accessByWidget: Record<WidgetTag, WidgetAccess> = {
  'ops-filter-bar': { queries: lookups, mutators: [], analytics: [] },
  'ops-kpi-cards': charts('overview'),
  'ops-tickets-over-time': charts('tickets-over-time'),
  'ops-ticket-distribution': charts('ticket-distribution'),
  'ops-team-performance': charts('team-performance'),
  'ops-response-time': charts('response-time', 'overdue'),
  'ops-client-analysis': charts('client-analysis'),
  // The overview gives the list its exact total (ZQL has no count).
  'ops-ticket-list': { queries: ['tickets.list', 'tickets.detail', ...lookups], mutators: [], analytics: ['overview'] },
  'ops-ticket-inbox': {
    queries: ['tickets.list', 'tickets.detail', ...lookups],
    mutators: ['tickets.update', 'messages.add'],
    analytics: [],
  },
  'ops-client-portal': {
    queries: ['tickets.list', 'tickets.detail', 'ticketTypes.all'],
    mutators: ['tickets.create', 'messages.add', 'feedback.leave'],
    analytics: [],
  },
  'ops-recent-tickets': { queries: ['tickets.recent', live], mutators: [], analytics: [] },
};

export function widgetsAllow(widgets: readonly WidgetTag[], kind: keyof WidgetAccess, name: string): boolean {
  return widgets.some((w) => (accessByWidget[w][kind] as readonly string[]).includes(name));
}
