// <ops-ticket-distribution>: placeholder until the widget is built.
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { SkeletonBlock } from '../runtime/ui/states.tsx';

export function TicketDistribution(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-ticket-distribution" title="Ticket distribution" skeleton={<SkeletonBlock className="m-4 h-40" />}>
      <SkeletonBlock className="m-4 h-40" />
    </WidgetRoot>
  );
}
