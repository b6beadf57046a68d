// Which cells answer a question, read from a cube (month_cells, series_cells, client_cells:
// drizzle/0006 and 0008, every level of detail over assignee, type and priority). A level must keep every column the question groups by
// and every column an "is"/"isAnyOf" filter restricts. An "isNot"/"isNoneOf" filter keeps most
// values, so it is read as its complement: everything (a coarser level) minus the few excluded
// values (a finer level, restricted to them). With several such filters the terms follow
// inclusion–exclusion: one term per subset of them, signed by its size. Every read is then either
// a small level or a few rows of a large one, and sums stay exact because cells are additive.
import type postgres from 'postgres';
import type { SetColumn, SetPredicate } from '../../shared/analytics/predicates.ts';
import type { RlsTransaction } from '../rls.ts';
import { setSql } from './filter-sql.ts';

export type CubeColumn = 'assigned_to' | 'ticket_type_id' | 'priority';

/** The bit of each column in a cube's dims. */
const dimBits: Record<CubeColumn, number> = { assigned_to: 1, ticket_type_id: 2, priority: 4 };

const cubeColumns: Record<SetColumn, CubeColumn> = {
  assignedTo: 'assigned_to',
  ticketTypeId: 'ticket_type_id',
  priority: 'priority',
};

interface CellTerm {
  sign: 1 | -1;
  /** The level: which columns its rows keep. */
  dims: number;
  /** Every one of these (mode "in") holds for the rows read. */
  restrictions: SetPredicate[];
}

/** The excluded values of an "isNot"/"isNoneOf" predicate, as an "is any of" predicate. */
function excluded(s: SetPredicate): SetPredicate {
  return { ...s, mode: 'in', nulls: !s.nulls } as SetPredicate;
}

function cellTerms(sets: SetPredicate[], groups: CubeColumn[]): CellTerm[] {
  const included = sets.filter((s) => s.mode === 'in');
  const negated = sets.filter((s) => s.mode === 'notIn');
  const base = [...groups, ...included.map((s) => cubeColumns[s.column])].reduce((d, c) => d | dimBits[c], 0);
  const terms: CellTerm[] = [];
  for (let subset = 0; subset < 1 << negated.length; subset++) {
    const chosen = negated.filter((_, i) => subset & (1 << i));
    terms.push({
      sign: chosen.length % 2 === 0 ? 1 : -1,
      dims: chosen.reduce((d, s) => d | dimBits[cubeColumns[s.column]], base),
      restrictions: [...included, ...chosen.map(excluded)],
    });
  }
  return terms;
}

/** WHERE over a cube (alias c) for one term, within `months`. */
function termSql(tx: RlsTransaction, term: CellTerm, months: postgres.Fragment): postgres.Fragment {
  return term.restrictions.reduce<postgres.Fragment>(
    (acc, r) => tx`${acc} and ${setSql(tx, r, 'c')}`,
    tx`c.dims = ${term.dims} and ${months}`,
  );
}

export type Cube = 'month_cells' | 'series_cells' | 'client_cells';

/**
 * The cells of `cube` (alias c) that answer the filter's set predicates, grouped by `groups`,
 * within `months`: one SELECT per term, joined by UNION ALL. `columns` receives the term's sign
 * as a prefix ("1 *" or "-1 *") for every additive measure.
 */
export function cubeCells(
  tx: RlsTransaction,
  cube: Cube,
  sets: SetPredicate[],
  groups: CubeColumn[],
  months: postgres.Fragment,
  columns: (sign: postgres.Fragment) => postgres.Fragment,
): postgres.Fragment {
  return cellTerms(sets, groups)
    .map((term) => {
      // ±1 from cellTerms, not input: a literal, so the planner sees plain arithmetic.
      const sign = tx.unsafe(`${term.sign} *`);
      return tx`select ${columns(sign)} from ${tx.unsafe(`analytics.${cube}`)} c where ${termSql(tx, term, months)}`;
    })
    .reduce((acc, part) => tx`${acc} union all ${part}`);
}
