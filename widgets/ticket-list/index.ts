// Its rows come from Zero: Zero's parts are in before its first render (runtime/zero-area.tsx).
import '../runtime/zero-link.tsx';
import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { TicketList } from './ticket-list.tsx';

defineWidget('ops-ticket-list', TicketList, { ...commonAttributes, status: 'string', pageSize: 'number' });
