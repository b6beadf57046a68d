// <ops-ticket-inbox>: the staff queue. Tickets matching the page's shared filters plus a status and
// a title search; the opened ticket's thread, replies signed as the viewer's own team member, and
// status / priority / assignee changes, all live for everyone (the portal and the dashboard too).
import { useState } from 'react';
import { isStaffRole } from '../../shared/auth/roles.ts';
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
import { InboxTickets } from './inbox-tickets.tsx';
import { TicketControls } from './ticket-controls.tsx';

export interface TicketInboxAttributes extends WidgetAttributes {
  pageSize?: number;
}

const defaultPageSize = 15;

function OpenTicket({ ticket: ref }: { ticket: TicketRef }) {
  const { me } = useWidget();
  const state = useTicketDetail(ref);
  const noMember = me.teamMemberId === null ? 'Your account is not linked to a team member, so it cannot sign replies.' : undefined;
  return (
    <DetailFrame state={state}>
      {(ticket) => (
        <article aria-label={`Ticket ${ticket.title}`} data-detail="">
          <TicketHeader ticket={ticket} />
          <p className="border-b border-line px-4 py-2 text-xs text-muted">
            {ticket.client?.clientName ?? 'Unknown client'}
            {ticket.feedback && ` · rated ${ticket.feedback.rating}/5`}
          </p>
          <TicketControls ticket={ticket} />
          <MessageThread ticket={ticket} reader="staff" />
          <ReplyBox ticket={ticket} unavailable={noMember} />
        </article>
      )}
    </DetailFrame>
  );
}

function Inbox({ pageSize }: { pageSize: number }) {
  const { me } = useWidget();
  const [selected, setSelected] = useState<TicketRef>();
  if (!isStaffRole(me.role)) return <p className="px-4 py-6 text-sm text-muted">The inbox is for staff.</p>;
  return (
    <div className="@container">
      <div className="grid @4xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <InboxTickets pageSize={pageSize} selected={selected} onSelect={setSelected} />
        <div className="min-h-64 border-t border-line @4xl:border-t-0 @4xl:border-l">
          {selected ? (
            <OpenTicket key={keyOf(selected)} ticket={selected} />
          ) : (
            <p className="flex h-full min-h-64 items-center justify-center px-4 text-center text-sm text-muted">
              Choose a ticket to read and answer it.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

export function TicketInbox(props: TicketInboxAttributes) {
  const pageSize = pageSizeOf(props.pageSize, defaultPageSize);
  return (
    <WidgetRoot {...props} widget="ops-ticket-inbox" zeroContent title="Inbox" skeleton={<TicketRowsPlaceholder rows={pageSize} label="Loading the inbox" />}>
      <Inbox pageSize={pageSize} />
    </WidgetRoot>
  );
}
