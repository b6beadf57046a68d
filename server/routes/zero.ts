// The endpoints zero-cache calls: /query turns a synced-query name + args into ZQL (the permission
// point for reads), /mutate runs custom mutators' server halves in Postgres transactions.
import { getMutator, mustGetQuery, type Mutator, type ReadonlyJSONValue } from '@rocicorp/zero';
import { handleMutateRequest, handleQueryRequest } from '@rocicorp/zero/server';
import { Hono } from 'hono';
import { mutators } from '../../shared/zero/mutators.ts';
import { queries } from '../../shared/zero/queries.ts';
import { schema } from '../../shared/zero/schema.gen.ts';
import type { Database } from '../database.ts';

/**
 * Name and args come off the wire, so the registry is searched by string; each mutator's own
 * validator checks the args at run time.
 */
function findMutator(name: string): Mutator<ReadonlyJSONValue | undefined> {
  const mutator: Mutator<ReadonlyJSONValue | undefined> | undefined = getMutator(mutators, name);
  if (!mutator) throw new Error(`Unknown mutator: ${name}`);
  return mutator;
}

export function zeroRoutes(db: Database): Hono {
  const app = new Hono();

  app.post('/query', async (c) => {
    const response = await handleQueryRequest({
      handler: (name, args) => mustGetQuery(queries, name).fn({ args, ctx: undefined }),
      schema,
      request: c.req.raw,
      userID: null,
    });
    return c.json(response);
  });

  app.post('/mutate', async (c) => {
    const response = await handleMutateRequest({
      dbProvider: db.zero,
      handler: (transact) =>
        transact((tx, name, args) => findMutator(name).fn({ tx, args, ctx: undefined })),
      request: c.req.raw,
      userID: null,
    });
    return c.json(response);
  });

  return app;
}
