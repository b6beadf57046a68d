// What <ops-tickets-over-time> asks the API for first, for its attributes and filters (registered in widgets/asks.ts).
import { granularities, type Granularity } from '../../shared/analytics/api.ts';
import type { WidgetAsks } from '../runtime/ask-ahead.ts';

/** The `granularity` attribute as the request takes it: month unless it names another. */
export function granularityOf(value: string | undefined): Granularity {
  return (granularities as readonly string[]).includes(value ?? '') ? (value as Granularity) : 'month';
}

export const ticketsOverTimeAsks: WidgetAsks = (element, filters) => [
  { endpoint: 'ticketsOverTime', body: { filters, granularity: granularityOf(element.getAttribute('granularity') ?? undefined) } },
];
