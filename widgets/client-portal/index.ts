import { commonAttributes } from '../runtime/widget-root.tsx';
import { defineWidget } from '../runtime/define-widget.ts';
import { ClientPortal } from './client-portal.tsx';

defineWidget('ops-client-portal', ClientPortal, { ...commonAttributes, pageSize: 'number' });
