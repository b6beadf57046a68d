import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { KpiCards } from './kpi-cards.tsx';

defineWidget('ops-kpi-cards', KpiCards, { ...commonAttributes });
