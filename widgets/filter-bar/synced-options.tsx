// The team members and ticket types the filter bar offers, live from Zero. Loaded with Zero
// (zero-area.tsx) rather than with the bar: the chips need no Zero until they name one of them.
import { useQuery } from '@rocicorp/zero/react';
import { useEffect, useMemo } from 'react';
import { queries } from '../../shared/zero/queries.ts';
import { queryFailure } from '../runtime/status.ts';
import type { SetOption } from './set-panel.tsx';

export interface Synced {
  /** Undefined until Zero has them (a list with nothing synced yet is not "none"). */
  members: SetOption<number | null>[] | undefined;
  types: SetOption<number>[] | undefined;
  membersFailure: string | undefined;
  typesFailure: string | undefined;
}

export default function SyncedOptions({ onChange }: { onChange: (synced: Synced) => void }) {
  const [members, membersResult] = useQuery(queries.teamMembers.all());
  const [types, typesResult] = useQuery(queries.ticketTypes.all());
  const membersPending = members.length === 0 && membersResult.type === 'unknown';
  const typesPending = types.length === 0 && typesResult.type === 'unknown';
  const membersFailure = queryFailure(membersResult);
  const typesFailure = queryFailure(typesResult);

  const memberOptions = useMemo<SetOption<number | null>[] | undefined>(() => {
    if (membersPending) return undefined;
    return [
      { key: 'unassigned', value: null, label: 'Unassigned' },
      ...members.map((m) => ({ key: String(m.id), value: m.id, label: m.username, hint: m.department })),
    ];
  }, [members, membersPending]);
  const typeOptions = useMemo<SetOption<number>[] | undefined>(() => {
    if (typesPending) return undefined;
    return types.map((t) => ({ key: String(t.id), value: t.id, label: t.typeName, hint: t.department }));
  }, [types, typesPending]);

  useEffect(
    () => onChange({ members: memberOptions, types: typeOptions, membersFailure, typesFailure }),
    [onChange, memberOptions, typeOptions, membersFailure, typesFailure],
  );
  return null;
}
