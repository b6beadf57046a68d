import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { FilterBar } from './filter-bar.tsx';

defineWidget('ops-filter-bar', FilterBar, { ...commonAttributes });
