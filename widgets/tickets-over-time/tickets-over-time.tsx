// <ops-tickets-over-time>: placeholder until the widget is built.
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { SkeletonBlock } from '../runtime/ui/states.tsx';

export function TicketsOverTime(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-tickets-over-time" title="Tickets over time" skeleton={<SkeletonBlock className="m-4 h-40" />}>
      <SkeletonBlock className="m-4 h-40" />
    </WidgetRoot>
  );
}
