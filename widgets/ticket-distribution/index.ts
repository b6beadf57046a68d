import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { TicketDistribution } from './ticket-distribution.tsx';

defineWidget('ops-ticket-distribution', TicketDistribution, { ...commonAttributes, view: 'string' });
