// The meaning of a filter, defined once. A Filters value becomes plain predicates over the ticket
// columns; the SQL compiler (server/analytics/filter-sql.ts), the ZQL compiler (filter-zql.ts) and
// the reference evaluator below all read these, so "isNot keeps NULL unless null is listed" and
// "a day is midnight to midnight in REPORT_TIMEZONE" cannot drift apart.
import { dayRange, instantRange, type InstantRange } from './calendar.ts';
import type { Filters, SetOperator } from './filters.ts';

interface SetPredicateOf<C extends string, V> {
  column: C;
  /** in: the value is one of `values`; notIn: it is none of them. */
  mode: 'in' | 'notIn';
  /** Non-null values, deduplicated. */
  values: V[];
  /** Whether rows whose column is NULL match. */
  nulls: boolean;
}

export type SetPredicate =
  | SetPredicateOf<'assignedTo', number>
  | SetPredicateOf<'ticketTypeId', number>
  | SetPredicateOf<'priority', string>;

export type SetColumn = SetPredicate['column'];

export interface TicketPredicates {
  created: InstantRange;
  sets: SetPredicate[];
}

function setPredicate<C extends SetColumn, V extends number | string>(
  column: C,
  op: SetOperator,
  listed: readonly (V | null)[],
): SetPredicateOf<C, V> {
  const nullListed = listed.includes(null);
  const values = [...new Set(listed.filter((v): v is V => v !== null))];
  const include = op === 'is' || op === 'isAnyOf';
  // Including: NULL rows match only when "Unassigned" is listed. Excluding: they stay unless listed.
  return { column, mode: include ? 'in' : 'notIn', values, nulls: include ? nullListed : !nullListed };
}

export function ticketPredicates(filters: Filters, timeZone: string): TicketPredicates {
  const sets: SetPredicate[] = [];
  if (filters.assignee) sets.push(setPredicate('assignedTo', filters.assignee.op, filters.assignee.ids));
  if (filters.ticketType) sets.push(setPredicate('ticketTypeId', filters.ticketType.op, filters.ticketType.ids));
  if (filters.priority) sets.push(setPredicate('priority', filters.priority.op, filters.priority.values));
  return { created: filters.created ? instantRange(dayRange(filters.created), timeZone) : {}, sets };
}

export interface TicketFields {
  createdAt: number | null;
  assignedTo: number | null;
  ticketTypeId: number;
  priority: string | null;
}

/** The reference semantics: what every compiled form must agree with. */
export function matchesTicket(row: TicketFields, p: TicketPredicates): boolean {
  const { from, to } = p.created;
  if (from !== undefined || to !== undefined) {
    if (row.createdAt === null) return false;
    if (from !== undefined && row.createdAt < from) return false;
    if (to !== undefined && row.createdAt >= to) return false;
  }
  return p.sets.every((s) => {
    const value = row[s.column];
    if (value === null) return s.nulls;
    const listed = (s.values as readonly (number | string)[]).includes(value);
    return s.mode === 'in' ? listed : !listed;
  });
}
