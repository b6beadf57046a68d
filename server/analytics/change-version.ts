// The staff change counter as a report's transaction sees it: answers carry it (changeVersionHeader)
// so a widget can tell whether the counter Zero syncs is ahead of the numbers it shows.
import { STAFF_COUNTER_ID } from '../../shared/zero/permissions.ts';
import type { RlsTransaction } from '../rls.ts';

export async function changeVersion(tx: RlsTransaction): Promise<number> {
  // bigint comes back as a string; the counter stays far below 2^53.
  const [row] = await tx<{ version: string }[]>`select version from change_counters where id = ${STAFF_COUNTER_ID}`;
  return Number(row?.version ?? 0);
}
