// Its rows come from Zero: Zero's parts are in before its first render (runtime/zero-area.tsx).
import '../runtime/zero-link.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { commonAttributes } from '../runtime/widget-root.tsx';
import { RecentTickets } from './recent-tickets.tsx';

defineWidget('ops-recent-tickets', RecentTickets, { ...commonAttributes });
