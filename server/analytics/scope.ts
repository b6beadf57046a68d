// Which stored rows answer a filtered question. A created-date range splits into whole calendar
// months, read from the month rollups, and the partial days at its edges, read from raw facts.
// Together they cover every ticket in range exactly once; order statistics and lists use the whole
// range on raw facts instead.
import type postgres from 'postgres';
import { dayOf, dayStart, monthOf, nextMonth, type InstantRange } from '../../shared/analytics/calendar.ts';
import type { TicketPredicates } from '../../shared/analytics/predicates.ts';
import type { RlsTransaction } from '../rls.ts';
import { column, setsSql } from './filter-sql.ts';

export interface MonthSplit {
  /** Whole months [from, to) by first day (either side open), or none at all. */
  months: { from?: string; to?: string } | null;
  /** Instant ranges of the partial months, for raw rows. */
  edges: InstantRange[];
}

export function splitByMonths(range: InstantRange, timeZone: string): MonthSplit {
  if (range.from === undefined && range.to === undefined) return { months: {}, edges: [] };
  const fromDay = range.from === undefined ? undefined : dayOf(range.from, timeZone);
  const toDay = range.to === undefined ? undefined : dayOf(range.to, timeZone);
  const first = fromDay === undefined ? undefined : fromDay.endsWith('-01') ? fromDay : nextMonth(fromDay);
  const end = toDay === undefined ? undefined : monthOf(toDay);
  if (first !== undefined && end !== undefined && first >= end) return { months: null, edges: [range] };

  const edges: InstantRange[] = [];
  if (range.from !== undefined && first !== undefined && dayStart(first, timeZone) > range.from) {
    edges.push({ from: range.from, to: dayStart(first, timeZone) });
  }
  if (range.to !== undefined && end !== undefined && dayStart(end, timeZone) < range.to) {
    edges.push({ from: dayStart(end, timeZone), to: range.to });
  }
  return {
    months: { ...(first === undefined ? {} : { from: first }), ...(end === undefined ? {} : { to: end }) },
    edges,
  };
}

function instantSql(tx: RlsTransaction, range: InstantRange, col: postgres.Fragment): postgres.Fragment {
  const from = range.from === undefined ? tx`true` : tx`${col} >= ${new Date(range.from)}`;
  const to = range.to === undefined ? tx`true` : tx`${col} < ${new Date(range.to)}`;
  return tx`(${from} and ${to})`;
}

export interface Scope {
  /** WHERE over a cube (alias c): the whole months in range. */
  months: postgres.Fragment;
  /**
   * WHERE over ticket_facts (alias f) for the partial months, one per contiguous range: each is
   * its own index range scan (an OR of two ranges would turn into a bitmap scan of the heap).
   */
  edges: postgres.Fragment[];
  /** WHERE over ticket_facts (alias f) for every ticket in scope. */
  facts: postgres.Fragment;
}

export function buildScope(tx: RlsTransaction, p: TicketPredicates, timeZone: string): Scope {
  const split = splitByMonths(p.created, timeZone);
  const month = column(tx, 'c', 'month');
  const months = split.months;
  const cellsRange =
    months === null
      ? tx`false`
      : tx`${months.from === undefined ? tx`true` : tx`${month} >= ${months.from}::date`} and ${
          months.to === undefined ? tx`true` : tx`${month} < ${months.to}::date`
        }`;
  const created = column(tx, 'f', 'created_at');
  return {
    months: cellsRange,
    edges: split.edges.map((e) => tx`${instantSql(tx, e, created)} and ${setsSql(tx, p.sets, 'f')}`),
    facts: tx`${instantSql(tx, p.created, created)} and ${setsSql(tx, p.sets, 'f')}`,
  };
}

/** `select <columns> from ticket_facts f` over the partial months, or null when there are none. */
export function edgeFacts(tx: RlsTransaction, scope: Scope, columns: postgres.Fragment): postgres.Fragment | null {
  const parts = scope.edges.map((where) => tx`select ${columns} from analytics.ticket_facts f where ${where}`);
  return parts.length === 0 ? null : parts.reduce((acc, part) => tx`${acc} union all ${part}`);
}
