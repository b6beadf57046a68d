// Filters as a ZQL condition on tickets (ticket lists sync through Zero), compiled from the same
// predicates as the SQL form.
import type { Condition, ExpressionBuilder } from '@rocicorp/zero';
import type { schema } from '../zero/schema.gen.ts';
import type { SetPredicate, TicketPredicates } from './predicates.ts';

type Tickets = ExpressionBuilder<'tickets', typeof schema>;

function listedCondition(eb: Tickets, s: SetPredicate): Condition {
  const op = s.mode === 'in' ? 'IN' : 'NOT IN';
  switch (s.column) {
    case 'assignedTo':
      return eb.cmp('assignedTo', op, s.values);
    case 'ticketTypeId':
      return eb.cmp('ticketTypeId', op, s.values);
    case 'priority':
      return eb.cmp('priority', op, s.values);
  }
}

function setCondition(eb: Tickets, s: SetPredicate): Condition {
  const isNull = eb.cmp(s.column, 'IS', null);
  if (s.values.length === 0) return s.nulls ? isNull : eb.cmp(s.column, 'IS NOT', null);
  // ZQL compares like SQL: a NULL column never equals or "is not in" anything, so NULLs are explicit.
  const listed = listedCondition(eb, s);
  return s.nulls ? eb.or(listed, isNull) : eb.and(listed, eb.cmp(s.column, 'IS NOT', null));
}

export function ticketCondition(eb: Tickets, p: TicketPredicates): Condition {
  const conditions: Condition[] = [];
  if (p.created.from !== undefined) conditions.push(eb.cmp('createdAt', '>=', p.created.from));
  if (p.created.to !== undefined) conditions.push(eb.cmp('createdAt', '<', p.created.to));
  for (const s of p.sets) conditions.push(setCondition(eb, s));
  // Zero's server-side SQL compiler renders an empty AND as "()", so no filter is an explicit TRUE.
  return conditions.length === 0 ? eb.cmpLit(true, '=', true) : eb.and(...conditions);
}
