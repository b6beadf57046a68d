// The context every synced query and mutator receives: on the server, the identity the API derived
// from the session or embed token; on the client, the same identity as /api/me reported it.
import type { AuthContext } from '../auth/roles.ts';

export type ZeroContext = AuthContext | undefined;

declare module '@rocicorp/zero' {
  interface DefaultTypes {
    context: ZeroContext;
  }
}
