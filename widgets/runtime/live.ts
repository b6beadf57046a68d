// "Something this viewer can see changed": the version of the viewer's change counter, which
// WidgetRoot follows through Zero once Zero has loaded (zero-link.tsx). Aggregates are SQL on the
// server, so widgets refetch when this moves instead of syncing whole tables.
import { createContext, useContext } from 'react';

export const ChangeVersionContext = createContext<number | undefined>(undefined);

/** Undefined until the counter has synced; then a number that grows with every write. */
export function useChangeVersion(): number | undefined {
  return useContext(ChangeVersionContext);
}
