// <ops-team-performance>: placeholder until the widget is built.
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { SkeletonBlock } from '../runtime/ui/states.tsx';

export function TeamPerformance(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-team-performance" title="Team performance" skeleton={<SkeletonBlock className="m-4 h-40" />}>
      <SkeletonBlock className="m-4 h-40" />
    </WidgetRoot>
  );
}
