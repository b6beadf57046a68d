// The page's single Zero instance: one WebSocket, one local store and one set of server pipelines
// shared by every widget, however many entry scripts loaded them (they share this module).
import { Zero } from '@rocicorp/zero';
import { mutators } from '../../shared/zero/mutators.ts';
import { schema } from '../../shared/zero/schema.gen.ts';

let instance: { zero: Zero; cacheURL: string } | undefined;

export function pageZero(cacheURL: string): Zero {
  if (instance) {
    if (instance.cacheURL !== cacheURL) {
      console.warn(
        `[ops widgets] zero-url "${cacheURL}" ignored: this page already syncs with "${instance.cacheURL}".`,
      );
    }
    return instance.zero;
  }
  const zero = new Zero({ cacheURL, schema, mutators });
  instance = { zero, cacheURL };
  return zero;
}
