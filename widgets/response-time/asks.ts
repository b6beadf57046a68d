// What <ops-response-time> asks the API for first, for its attributes and filters (registered in widgets/asks.ts).
import type { WidgetAsks } from '../runtime/ask-ahead.ts';

/** Rows per page of the overdue list; its first page is asked with the widget's numbers. */
export const overduePageSize = 10;

export const responseTimeAsks: WidgetAsks = (_, filters) => [
  { endpoint: 'responseTime', body: { filters } },
  { endpoint: 'overdue', body: { filters, page: 1, pageSize: overduePageSize } },
];
