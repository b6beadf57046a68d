// The custom elements the product ships, and which synced queries and mutators each may use. An
// embed token names the widgets it is for; the Zero endpoints refuse anything outside them.

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

interface ZeroAccess {
  queries: readonly string[];
  mutators: readonly string[];
}

const none: ZeroAccess = { queries: [], mutators: [] };

export const zeroAccessByWidget: Record<WidgetTag, ZeroAccess> = {
  'ops-filter-bar': { queries: ['teamMembers.all', 'ticketTypes.all'], mutators: [] },
  'ops-kpi-cards': none,
  'ops-tickets-over-time': none,
  'ops-ticket-distribution': none,
  'ops-team-performance': none,
  'ops-response-time': none,
  'ops-client-analysis': none,
  'ops-ticket-list': { queries: ['tickets.recent', 'tickets.detail', 'teamMembers.all', 'ticketTypes.all'], mutators: [] },
  'ops-ticket-inbox': {
    queries: ['tickets.recent', 'tickets.detail', 'teamMembers.all', 'ticketTypes.all', 'clients.all'],
    mutators: ['tickets.update', 'messages.add'],
  },
  'ops-client-portal': {
    queries: ['tickets.recent', 'tickets.detail', 'ticketTypes.all', 'teamMembers.all', 'clients.all', 'payments.all'],
    mutators: ['tickets.create', 'messages.add', 'feedback.leave'],
  },
  'ops-recent-tickets': { queries: ['tickets.recent'], mutators: [] },
};

export function widgetsAllow(widgets: readonly WidgetTag[], kind: keyof ZeroAccess, name: string): boolean {
  return widgets.some((w) => zeroAccessByWidget[w][kind].includes(name));
}
