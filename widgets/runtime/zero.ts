// The page's single Zero instance: one WebSocket, one local store and one set of server pipelines
// shared by every widget, however many entry scripts loaded them (they share this module). It is
// created for the first signed-in viewer; a later widget with a fresh embed token only renews auth.
import { Zero } from '@rocicorp/zero';
import type { ZeroContext } from '../../shared/zero/context.ts';
import { mutators } from '../../shared/zero/mutators.ts';
import { schema } from '../../shared/zero/schema.gen.ts';
import type { Me } from './session.ts';

function createZero(cacheURL: string, me: Me, token: string | undefined) {
  return new Zero<typeof schema, undefined, ZeroContext>({
    cacheURL,
    schema,
    mutators,
    userID: me.userId,
    auth: token,
    context: { userId: me.userId, role: me.role, clientId: me.clientId, teamMemberId: me.teamMemberId },
  });
}

export type PageZero = ReturnType<typeof createZero>;

let instance: { zero: PageZero; cacheURL: string; userId: string; token: string | undefined } | undefined;

export function pageZero(cacheURL: string, me: Me, token: string | undefined): PageZero {
  if (instance) {
    if (instance.cacheURL !== cacheURL || instance.userId !== me.userId) {
      console.warn(
        `[ops widgets] one Zero connection per page: keeping ${instance.cacheURL} for user ${instance.userId}.`,
      );
    } else if (token && token !== instance.token) {
      instance.token = token;
      void instance.zero.connection.connect({ auth: token });
    }
    return instance.zero;
  }
  const zero = createZero(cacheURL, me, token);
  instance = { zero, cacheURL, userId: me.userId, token };
  return zero;
}
