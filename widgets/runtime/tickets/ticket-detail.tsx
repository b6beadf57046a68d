// A ticket opened from a list, as the portal and the inbox show it: what it is, when it should be
// resolved, its whole message thread (live), and a reply box. Rows with a negative id are the
// optimistic copies of writes the server has not confirmed yet (shared/zero/mutators.ts).
import { useQuery } from '@rocicorp/zero/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { addMessageArgs } from '../../../shared/zero/mutator-args.ts';
import { mutators } from '../../../shared/zero/mutators.ts';
import { queries } from '../../../shared/zero/queries.ts';
import { formatDateTime, formatHours, formatWhen } from '../format.ts';
import { PriorityBadge, StatusBadge } from '../ui/badges.tsx';
import { Field, inputClass, primaryButtonClass } from '../ui/form-controls.tsx';
import { Loading, SkeletonBlock } from '../ui/states.tsx';
import { queryFailure } from '../status.ts';
import { useNow } from '../use-now.ts';
import { useWrite } from '../write.ts';
import { WriteNotice } from './write-notice.tsx';

export type TicketRef = { ticketId: number } | { uuid: string };

/**
 * How a list follows a ticket: by the uuid its creator gave it, which the optimistic copy and the
 * server's row share (every row has one; the schema only types it optional because of its default).
 */
export function refOf(ticket: { id: number; uuid: string | null }): TicketRef {
  return ticket.uuid === null ? { ticketId: ticket.id } : { uuid: ticket.uuid };
}

export function keyOf(ref: TicketRef): string {
  return 'uuid' in ref ? ref.uuid : `#${ref.ticketId}`;
}

export function useTicketDetail(ref: TicketRef) {
  const [ticket, result] = useQuery(queries.tickets.detail(ref));
  return {
    ticket,
    loading: result.type === 'unknown' && !ticket,
    missing: result.type === 'complete' && !ticket,
    error: queryFailure(result, 'The ticket could not be loaded.'),
  };
}

export type TicketDetail = NonNullable<ReturnType<typeof useTicketDetail>['ticket']>;

/** Who reads the thread: a client sees its own messages as "You", staff see the client's name. */
export type Reader = 'client' | 'staff';

export function isPending(row: { id: number }): boolean {
  return row.id < 0;
}

const hourMs = 3_600_000;

function Expectation({ ticket, now }: { ticket: TicketDetail; now: number }) {
  const hours = ticket.ticketType?.avgResolutionHours ?? null;
  if (ticket.resolvedAt !== null && ticket.createdAt !== null) {
    return <>Resolved in {formatHours((ticket.resolvedAt - ticket.createdAt) / hourMs)}{hours !== null && ` (expected ${formatHours(hours)})`}</>;
  }
  if (hours === null || ticket.createdAt === null) return <>No expected resolution time for this type</>;
  const due = ticket.createdAt + hours * hourMs;
  return (
    <>
      Expected within {formatHours(hours)}: by <time dateTime={new Date(due).toISOString()}>{formatDateTime(due)}</time>
      {due < now && <span className="ml-1 font-medium text-danger">(overdue)</span>}
    </>
  );
}

export function TicketHeader({ ticket }: { ticket: TicketDetail }) {
  const now = useNow();
  return (
    <div className="flex flex-col gap-2 border-b border-line px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold break-words">{ticket.title}</h3>
        <span className="text-xs text-muted tabular-nums" data-ticket-number="">
          {isPending(ticket) ? 'Saving…' : `#${ticket.id}`}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <StatusBadge value={ticket.status} />
        <PriorityBadge value={ticket.priority} />
        <span>{ticket.ticketType?.typeName ?? 'Unknown type'}</span>
        {ticket.createdAt !== null && (
          <span>
            · opened <time dateTime={new Date(ticket.createdAt).toISOString()}>{formatWhen(ticket.createdAt, now)}</time>
          </span>
        )}
      </div>
      <p className="text-xs text-muted" data-expected="">
        <Expectation ticket={ticket} now={now} />
      </p>
    </div>
  );
}

function authorOf(message: TicketDetail['messages'][number], ticket: TicketDetail, reader: Reader): string {
  if (message.fromClient) return reader === 'client' ? 'You' : (ticket.client?.clientName ?? 'Client');
  return message.teamMember?.username ?? 'Support team';
}

export function MessageThread({ ticket, reader }: { ticket: TicketDetail; reader: Reader }) {
  const now = useNow();
  if (ticket.messages.length === 0) return <p className="px-4 py-6 text-sm text-muted">No messages yet.</p>;
  return (
    <ol aria-label="Messages" className="flex flex-col gap-3 px-4 py-3">
      {ticket.messages.map((m) => {
        const mine = reader === 'client' ? Boolean(m.fromClient) : !m.fromClient;
        return (
          <li
            key={m.id}
            data-message=""
            data-pending={isPending(m) ? '' : undefined}
            className={`max-w-[85%] rounded-lg border border-line px-3 py-2 text-sm ${mine ? 'self-end bg-accent-soft' : 'self-start bg-sunken'}`}
          >
            <p className="mb-1 flex items-baseline justify-between gap-3 text-xs text-muted">
              <span className="font-medium text-ink">{authorOf(m, ticket, reader)}</span>
              {isPending(m) ? (
                <span>Sending…</span>
              ) : (
                m.createdAt !== null && <time dateTime={new Date(m.createdAt).toISOString()}>{formatWhen(m.createdAt, now)}</time>
              )}
            </p>
            <p className="break-words whitespace-pre-wrap">{m.messageText}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** The reply form; `unavailable` explains why replying is not possible (the box is then disabled). */
export function ReplyBox({ ticket, unavailable }: { ticket: TicketDetail; unavailable?: string }) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const write = useWrite();
  const reason = unavailable ?? (isPending(ticket) ? 'You can reply once the ticket is saved.' : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const args = addMessageArgs.safeParse({ ticketId: ticket.id, text });
    if (!args.success) {
      setInvalid(args.error.issues[0]?.message);
      return;
    }
    setInvalid(undefined);
    const sent = write.send(mutators.messages.add(args.data));
    setText('');
    if ((await sent).status === 'failed') setText((current) => current || args.data.text);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 border-t border-line px-4 py-3" aria-label="Reply to this ticket">
      <Field label="Your reply" error={invalid} hint={reason}>
        {({ id, describedBy, invalid: bad }) => (
          <textarea
            id={id}
            aria-describedby={describedBy}
            aria-invalid={bad || undefined}
            rows={3}
            value={text}
            disabled={reason !== undefined}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter sends, as in most helpdesks.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
            className={inputClass}
            placeholder="Write a reply…"
          />
        )}
      </Field>
      <div className="flex items-center justify-between gap-3">
        <WriteNotice state={write.state} saved="Reply sent." />
        <button type="submit" className={primaryButtonClass} disabled={reason !== undefined || write.state.status === 'sending'}>
          Send reply
        </button>
      </div>
    </form>
  );
}

/** Loading, missing and error states of an opened ticket, around its content. */
export function DetailFrame({ state, children }: { state: ReturnType<typeof useTicketDetail>; children: (t: TicketDetail) => ReactNode }) {
  if (state.error) return <p role="alert" className="px-4 py-6 text-sm text-danger">The ticket could not be loaded: {state.error}</p>;
  if (state.ticket) return <>{children(state.ticket)}</>;
  if (state.missing) return <p className="px-4 py-6 text-sm text-muted">This ticket does not exist or is not yours to see.</p>;
  return (
    <Loading label="Loading ticket" className="flex flex-col gap-3 px-4 py-4">
      <SkeletonBlock className="h-5 w-2/3" />
      <SkeletonBlock className="h-3 w-1/2" />
      <SkeletonBlock className="h-16 w-4/5" />
    </Loading>
  );
}
