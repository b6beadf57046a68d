// What <ops-response-time> asks the API for with given filters, sent before React renders it: when the element
// connects, or earlier from the early entry (widgets/early.ts), and in the task of a filter change.
import type { WidgetAsks } from '../runtime/ask-ahead.ts';

/** Rows per page of the overdue list; its first page is asked with the widget's numbers. */
export const overduePageSize = 10;

export const responseTimeAsks: WidgetAsks = (_, filters) => [
  { endpoint: 'responseTime', body: { filters } },
  { endpoint: 'overdue', body: { filters, page: 1, pageSize: overduePageSize } },
];
