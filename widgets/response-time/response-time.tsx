// <ops-response-time>: placeholder until the widget is built.
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { SkeletonBlock } from '../runtime/ui/states.tsx';

export function ResponseTime(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-response-time" title="Response time" skeleton={<SkeletonBlock className="m-4 h-40" />}>
      <SkeletonBlock className="m-4 h-40" />
    </WidgetRoot>
  );
}
