// Filters as SQL, compiled from the shared predicates (shared/analytics/predicates.ts), for any
// table that has the ticket dimension columns: tickets, analytics.ticket_facts and the rollups.
import type postgres from 'postgres';
import type { SetPredicate } from '../../shared/analytics/predicates.ts';
import type { RlsTransaction } from '../rls.ts';

const columnNames: Record<SetPredicate['column'], string> = {
  assignedTo: 'assigned_to',
  ticketTypeId: 'ticket_type_id',
  priority: 'priority',
};

/** A column reference: alias and name both come from fixed lists, never from input. */
export function column(tx: RlsTransaction, alias: string, name: string): postgres.Fragment {
  return tx.unsafe(`${alias}.${name}`);
}

function listed(tx: RlsTransaction, col: postgres.Fragment, s: SetPredicate): postgres.Fragment {
  return s.column === 'priority' ? tx`${col} = ANY(${s.values}::text[])` : tx`${col} = ANY(${s.values}::int[])`;
}

export function setSql(tx: RlsTransaction, s: SetPredicate, alias: string): postgres.Fragment {
  const col = column(tx, alias, columnNames[s.column]);
  // Only NULL listed: "is"/"isAnyOf" keep just the NULLs, "isNot"/"isNoneOf" everything else.
  if (s.values.length === 0) return s.nulls ? tx`${col} is null` : tx`${col} is not null`;
  const nulls = s.nulls ? tx`${col} is null` : tx`false`;
  if (s.mode === 'in') return tx`(${listed(tx, col, s)} or ${nulls})`;
  return tx`((${col} is not null and not ${listed(tx, col, s)}) or ${nulls})`;
}

/** All set predicates, AND-ed ("true" when there are none). */
export function setsSql(tx: RlsTransaction, sets: SetPredicate[], alias: string): postgres.Fragment {
  return sets.reduce<postgres.Fragment>((acc, s) => tx`${acc} and ${setSql(tx, s, alias)}`, tx`true`);
}
