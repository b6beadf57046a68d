// Its rows come from Zero: Zero's parts are in before its first render (runtime/zero-area.tsx).
import '../runtime/zero-link.tsx';
import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { TicketInbox } from './ticket-inbox.tsx';

defineWidget('ops-ticket-inbox', TicketInbox, { ...commonAttributes, pageSize: 'number' });
