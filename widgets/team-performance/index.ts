import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { TeamPerformance } from './team-performance.tsx';

defineWidget('ops-team-performance', TeamPerformance, { ...commonAttributes });
