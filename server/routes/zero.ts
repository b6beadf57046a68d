// The endpoints zero-cache calls with the browser's cookie or embed token. /query turns a synced
// query name + args into ZQL for the caller (the read permission point: shared/zero/permissions.ts);
// /mutate runs each custom mutator's server half in the caller's RLS transaction. Anonymous callers
// get 401 and disabled ones 403, which puts the Zero client into its needs-auth state.
import { getMutator, mustGetQuery, type Mutator, type ReadonlyJSONValue } from '@rocicorp/zero';
import { handleMutateRequest, handleQueryRequest } from '@rocicorp/zero/server';
import { Hono } from 'hono';
import { queries } from '../../shared/zero/queries.ts';
import { schema } from '../../shared/zero/schema.gen.ts';
import { MutationRefused } from '../../shared/zero/mutators.ts';
import { widgetsAllow } from '../../shared/widgets.ts';
import type { Identify } from '../auth/identity.ts';
import type { Database } from '../database.ts';
import { refuse } from '../http.ts';
import { serverMutators } from '../mutators.ts';
import { actingAs } from '../rls.ts';

/**
 * Name and args come off the wire, so the registry is searched by string; each mutator's own
 * validator checks the args at run time.
 */
function findMutator(name: string): Mutator<ReadonlyJSONValue | undefined> {
  const mutator: Mutator<ReadonlyJSONValue | undefined> | undefined = getMutator(serverMutators, name);
  if (!mutator) throw new MutationRefused(`Unknown mutator: ${name}`);
  return mutator;
}

interface PostgresError {
  code: string;
}

function isPostgresError(err: unknown): err is PostgresError {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' && 'severity' in err;
}

/** What the user sees when Postgres (the last line) refuses a write the checks above let through. */
function readableRefusal(err: unknown): unknown {
  if (!isPostgresError(err)) return err;
  switch (err.code) {
    case '42501':
      return new MutationRefused('You are not allowed to make this change.');
    case '23505':
      return new MutationRefused('This already exists.');
    case '23503':
      return new MutationRefused('This refers to something that does not exist.');
    case '23514':
      return new MutationRefused('A value is outside what is allowed.');
    default:
      return err;
  }
}

export function zeroRoutes(db: Database, identify: Identify): Hono {
  const app = new Hono();

  app.post('/query', async (c) => {
    const who = await identify(c.req.raw, { fresh: true });
    if (who.kind === 'refused') return refuse(c, who.status, who.code, who.message);
    const { auth, embed } = who;
    const response = await handleQueryRequest({
      handler: (name, args) => {
        if (embed && !widgetsAllow(embed.widgets, 'queries', name)) {
          throw new Error(`This embed token does not allow the query ${name}.`);
        }
        return mustGetQuery(queries, name).fn({ args, ctx: auth });
      },
      schema,
      request: c.req.raw,
      userID: auth.userId,
    });
    return c.json(response);
  });

  app.post('/mutate', async (c) => {
    const who = await identify(c.req.raw, { fresh: true });
    if (who.kind === 'refused') return refuse(c, who.status, who.code, who.message);
    const { auth, embed } = who;
    const response = await actingAs(auth, () =>
      handleMutateRequest({
        dbProvider: db.zero,
        handler: (transact) =>
          transact(async (tx, name, args) => {
            if (embed && !widgetsAllow(embed.widgets, 'mutators', name)) {
              throw new MutationRefused(`This embed token does not allow ${name}.`);
            }
            try {
              await findMutator(name).fn({ tx, args, ctx: auth });
            } catch (err) {
              throw readableRefusal(err);
            }
          }),
        request: c.req.raw,
        userID: auth.userId,
      }),
    );
    return c.json(response);
  });

  return app;
}
