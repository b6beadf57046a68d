// "Something this viewer can see changed": the version of the viewer's change counter (staff follow
// the staff row, a client user their client's row), synced through Zero. Aggregates are SQL on the
// server, so widgets refetch when this moves instead of syncing whole tables.
import { useQuery } from '@rocicorp/zero/react';
import { counterIdOf } from '../../shared/zero/permissions.ts';
import { queries } from '../../shared/zero/queries.ts';
import { useWidget } from './widget-context.tsx';

/** Undefined until the counter has synced; then a number that grows with every write. */
export function useChangeVersion(): number | undefined {
  const { me } = useWidget();
  const [counter, result] = useQuery(queries.changes.counter({ id: counterIdOf(me) }));
  // A client that never wrote anything has no row yet: that is version 0, not "unknown".
  return counter?.version ?? (result.type === 'complete' ? 0 : undefined);
}
