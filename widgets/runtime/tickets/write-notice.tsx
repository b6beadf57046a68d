// What became of the last write, beside the control that sent it.
import type { WriteState } from '../write.ts';

export function WriteNotice({ state, saved }: { state: WriteState; saved?: string }) {
  if (state.status === 'failed') {
    return (
      <p role="alert" data-write="failed" className="text-sm text-danger">
        {state.message}
      </p>
    );
  }
  return (
    <p role="status" data-write={state.status} className="text-xs text-muted">
      {state.status === 'sending' ? 'Saving…' : state.status === 'saved' && saved ? saved : ''}
    </p>
  );
}
