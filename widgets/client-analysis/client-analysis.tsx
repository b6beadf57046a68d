// <ops-client-analysis>: placeholder until the widget is built.
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { SkeletonBlock } from '../runtime/ui/states.tsx';

export function ClientAnalysis(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-client-analysis" title="Client analysis" skeleton={<SkeletonBlock className="m-4 h-40" />}>
      <SkeletonBlock className="m-4 h-40" />
    </WidgetRoot>
  );
}
