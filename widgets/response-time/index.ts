import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { ResponseTime } from './response-time.tsx';

defineWidget('ops-response-time', ResponseTime, { ...commonAttributes });
