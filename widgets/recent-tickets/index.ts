import { defineWidget } from '../runtime/define-widget.ts';
import { commonAttributes } from '../runtime/widget-root.tsx';
import { RecentTickets } from './recent-tickets.tsx';

defineWidget('ops-recent-tickets', RecentTickets, { ...commonAttributes });
