import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { granularityOf, TicketsOverTime } from './tickets-over-time.tsx';

defineWidget('ops-tickets-over-time', TicketsOverTime, { ...commonAttributes, chart: 'string', granularity: 'string' }, (element, filters) => [
  { endpoint: 'ticketsOverTime', body: { filters, granularity: granularityOf(element.getAttribute('granularity') ?? undefined) } },
]);
