import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { overduePageSize } from './overdue-list.tsx';
import { ResponseTime } from './response-time.tsx';

defineWidget('ops-response-time', ResponseTime, { ...commonAttributes }, (_, filters) => [
  { endpoint: 'responseTime', body: { filters } },
  { endpoint: 'overdue', body: { filters, page: 1, pageSize: overduePageSize } },
]);
