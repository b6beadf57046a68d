// What staff change on a ticket: status (resolving sets resolved_at, reopening clears it, by
// trigger), priority and assignee. Each change is sent at once and shows optimistically.
import { useQuery } from '@rocicorp/zero/react';
import { ticketPriorities, ticketStatuses } from '../../shared/helpdesk.ts';
import { updateTicketArgs, type UpdateTicketArgs } from '../../shared/zero/mutator-args.ts';
import { mutators } from '../../shared/zero/mutators.ts';
import { queries } from '../../shared/zero/queries.ts';
import type { TicketDetail } from '../runtime/tickets/ticket-detail.tsx';
import { WriteNotice } from '../runtime/tickets/write-notice.tsx';
import { Choice, Field, inputClass } from '../runtime/ui/form-controls.tsx';
import { useWrite } from '../runtime/write.ts';

const unassigned = 'none';

export function TicketControls({ ticket }: { ticket: TicketDetail }) {
  const write = useWrite();
  const [members] = useQuery(queries.teamMembers.all());
  const busy = write.state.status === 'sending';

  function change(fields: Omit<UpdateTicketArgs, 'ticketId'>) {
    const args = updateTicketArgs.safeParse({ ticketId: ticket.id, ...fields });
    if (args.success) void write.send(mutators.tickets.update(args.data));
  }

  return (
    <div className="flex flex-col gap-2 border-b border-line px-4 py-3" aria-label="Change ticket" role="group">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Status">
          {({ id }) => (
            <Choice id={id} value={ticket.status} choices={ticketStatuses} disabled={busy} onChange={(status) => status && change({ status })} />
          )}
        </Field>
        <Field label="Priority">
          {({ id }) => (
            <Choice
              id={id}
              value={ticket.priority}
              choices={ticketPriorities}
              disabled={busy}
              onChange={(priority) => priority && change({ priority })}
            />
          )}
        </Field>
        <Field label="Assignee">
          {({ id }) => (
            <select
              id={id}
              value={ticket.assignedTo === null ? unassigned : String(ticket.assignedTo)}
              disabled={busy}
              onChange={(e) => change({ assignedTo: e.target.value === unassigned ? null : Number(e.target.value) })}
              className={inputClass}
            >
              <option value={unassigned}>Unassigned</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.username}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <WriteNotice state={write.state} saved="Saved." />
    </div>
  );
}
