import { defineWidget } from '../runtime/define-widget.ts';
import { RecentTickets } from './recent-tickets.tsx';

defineWidget('ops-recent-tickets', RecentTickets, { apiUrl: 'string', zeroUrl: 'string', token: 'string' });
