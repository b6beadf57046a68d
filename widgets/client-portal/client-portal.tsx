// <ops-client-portal>: a client user's own tickets (live through Zero), a new-ticket form that
// shows the ticket at once (optimistic) until the server confirms it, and the ticket's thread with
// replies and feedback. Staff viewers get a notice: the portal is for client users.
import { useState } from 'react';
import { isStaffRole } from '../../shared/auth/roles.ts';
import { mutators } from '../../shared/zero/mutators.ts';
import type { CreateTicketArgs } from '../../shared/zero/mutator-args.ts';
import {
  DetailFrame,
  keyOf,
  MessageThread,
  ReplyBox,
  TicketHeader,
  useTicketDetail,
  type TicketRef,
} from '../runtime/tickets/ticket-detail.tsx';
import { TicketRowsPlaceholder } from '../runtime/tickets/ticket-table.tsx';
import { pageSizeOf } from '../runtime/tickets/use-ticket-pages.ts';
import { useWidget } from '../runtime/widget-context.tsx';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';
import { useWrite } from '../runtime/write.ts';
import { FeedbackSection } from './feedback-form.tsx';
import { emptyDraft, NewTicketForm, type Draft } from './new-ticket-form.tsx';
import { PortalTickets } from './portal-tickets.tsx';

export interface ClientPortalAttributes extends WidgetAttributes {
  pageSize?: number;
}

const defaultPageSize = 10;

type Panel = { kind: 'none' } | { kind: 'ticket'; ticket: TicketRef } | { kind: 'compose'; draft: Draft; failure?: string };

function OpenTicket({ ticket: ref }: { ticket: TicketRef }) {
  const state = useTicketDetail(ref);
  return (
    <DetailFrame state={state}>
      {(ticket) => (
        <article aria-label={`Ticket ${ticket.title}`} data-detail="">
          <TicketHeader ticket={ticket} />
          <MessageThread ticket={ticket} reader="client" />
          <FeedbackSection ticket={ticket} />
          <ReplyBox ticket={ticket} />
        </article>
      )}
    </DetailFrame>
  );
}

function Portal({ pageSize, panel, setPanel }: { pageSize: number; panel: Panel; setPanel: (p: Panel) => void }) {
  const { me } = useWidget();
  const create = useWrite();
  if (isStaffRole(me.role)) {
    return <p className="px-4 py-6 text-sm text-muted">The portal is for client users. Staff work tickets in the inbox.</p>;
  }

  async function submit(args: CreateTicketArgs, draft: Draft) {
    setPanel({ kind: 'ticket', ticket: { uuid: args.uuid } });
    const settled = await create.send(mutators.tickets.create(args));
    if (settled.status === 'failed') setPanel({ kind: 'compose', draft, failure: settled.message });
  }

  return (
    <div className="@container">
      <div className="grid @3xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <PortalTickets
          pageSize={pageSize}
          selected={panel.kind === 'ticket' ? panel.ticket : undefined}
          onSelect={(ticket) => setPanel({ kind: 'ticket', ticket })}
          onNew={() => setPanel({ kind: 'compose', draft: emptyDraft })}
        />
        <div className="min-h-64 border-t border-line @3xl:border-t-0 @3xl:border-l">
          {panel.kind === 'compose' ? (
            <NewTicketForm initial={panel.draft} failure={panel.failure} onSubmit={submit} onCancel={() => setPanel({ kind: 'none' })} />
          ) : panel.kind === 'ticket' ? (
            <OpenTicket key={keyOf(panel.ticket)} ticket={panel.ticket} />
          ) : (
            <p className="flex h-full min-h-64 items-center justify-center px-4 text-center text-sm text-muted">
              Choose a ticket to read its messages, or create a new one.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

export function ClientPortal(props: ClientPortalAttributes) {
  const pageSize = pageSizeOf(props.pageSize, defaultPageSize);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  return (
    <WidgetRoot
      {...props}
      widget="ops-client-portal"
      zeroContent
      title="Support tickets"
      skeleton={<TicketRowsPlaceholder rows={pageSize} label="Loading your tickets" />}
    >
      <Portal pageSize={pageSize} panel={panel} setPanel={setPanel} />
    </WidgetRoot>
  );
}
