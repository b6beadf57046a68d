// Sending a write (a Zero custom mutator) from a widget and telling the user what became of it.
// Writes are refused up front unless Zero is connected: Zero would otherwise queue them while it
// reconnects and drop them if it gives up, and a user must never believe a lost write was saved.
import { useConnectionState, useZero } from '@rocicorp/zero/react';
import { useCallback, useRef, useState } from 'react';
import type { PageZero } from './zero.ts';

export type WriteRequest = Parameters<PageZero['mutate']>[0];

export type WriteState =
  | { status: 'idle' }
  /** Applied locally (optimistic); the server has not confirmed yet. */
  | { status: 'sending' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

export type Settled = Extract<WriteState, { status: 'saved' | 'failed' }>;

export const offlineRefusal =
  'You are offline, so this was not sent. Nothing was saved; try again when the connection is back (the badge says "Live").';

export interface Write {
  state: WriteState;
  /** Resolves once the server confirmed (saved) or anything refused it (failed, with the reason). */
  send: (request: WriteRequest) => Promise<Settled>;
}

export function useWrite(): Write {
  const zero = useZero();
  const connection = useConnectionState();
  const [state, setState] = useState<WriteState>({ status: 'idle' });
  // Only the newest send may report; an older one finishing late must not overwrite it.
  const latest = useRef(0);
  const online = connection.name === 'connected';

  const send = useCallback(
    async (request: WriteRequest): Promise<Settled> => {
      const run = ++latest.current;
      const settle = (next: Settled) => {
        if (run === latest.current) setState(next);
        return next;
      };
      if (!online) return settle({ status: 'failed', message: offlineRefusal });
      setState({ status: 'sending' });
      const result = zero.mutate(request);
      const local = await result.client;
      if (local.type === 'error') return settle({ status: 'failed', message: local.error.message });
      const server = await result.server;
      if (server.type === 'error') return settle({ status: 'failed', message: server.error.message });
      return settle({ status: 'saved' });
    },
    [zero, online],
  );
  return { state, send };
}
