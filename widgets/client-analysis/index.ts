import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { ClientAnalysis } from './client-analysis.tsx';

defineWidget('ops-client-analysis', ClientAnalysis, { ...commonAttributes, pageSize: 'number' });
