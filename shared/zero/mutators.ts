// Custom mutators (writes). Legacy CRUD is off, so these are the only writes Zero accepts; the
// server half of each runs inside a Postgres transaction.
import { defineMutators } from '@rocicorp/zero';

export const mutators = defineMutators({});
