// State that belongs to one view of a widget (its filters, search, sort…), such as the page shown.
import { useCallback, useState } from 'react';

/**
 * Like useState, but a new `view` (compared by value, e.g. a JSON string) starts again from
 * `initial`. The reset is stored, not only shown: going back to an earlier view must not bring
 * back the page it was on.
 */
export function useViewState<T>(view: string, initial: T): [T, (next: T) => void] {
  const [state, setState] = useState({ view, value: initial });
  // Updating during render is React's way to adjust state to changed inputs without an extra paint.
  if (state.view !== view) setState({ view, value: initial });
  const set = useCallback((next: T) => setState({ view, value: next }), [view]);
  return [state.view === view ? state.value : initial, set];
}
