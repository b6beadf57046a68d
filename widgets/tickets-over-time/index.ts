import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { TicketsOverTime } from './tickets-over-time.tsx';

defineWidget('ops-tickets-over-time', TicketsOverTime, { ...commonAttributes, chart: 'string', granularity: 'string' });
