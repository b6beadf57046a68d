// <ops-filter-bar>: placeholder until the widget is built.
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { SkeletonBlock } from '../runtime/ui/states.tsx';

export function FilterBar(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-filter-bar" title="Filters" skeleton={<SkeletonBlock className="m-4 h-40" />}>
      <SkeletonBlock className="m-4 h-40" />
    </WidgetRoot>
  );
}
