// <ops-recent-tickets>: the newest tickets, synced live through Zero. Rows that arrive after the
// first load are briefly highlighted so a watcher notices them.
import { useQuery } from '@rocicorp/zero/react';
import { useRef } from 'react';
import { queries, RECENT_TICKETS_LIMIT } from '../../shared/zero/queries.ts';
import { formatDateTime, formatWhen } from '../runtime/format.ts';
import { PriorityBadge, StatusBadge } from '../runtime/ui/badges.tsx';
import { ErrorNotice, SkeletonRows } from '../runtime/ui/states.tsx';
import { queryFailure, useReportStatus } from '../runtime/status.ts';
import { useNow } from '../runtime/use-now.ts';
import { WidgetRoot, type WidgetAttributes } from '../runtime/widget-root.tsx';

const rowHeight = 'h-11';

// Not a role=status region: the widget's "Live" indicator is its one status.
function Placeholder() {
  return (
    <div aria-busy="true" aria-label="Loading tickets">
      <SkeletonRows rows={RECENT_TICKETS_LIMIT} rowHeight={rowHeight} />
    </div>
  );
}

function TicketTable() {
  const [tickets, result] = useQuery(queries.tickets.recent());
  const now = useNow();
  const seen = useRef<Set<number> | null>(null);
  const error = queryFailure(result);
  useReportStatus({ loading: result.type === 'unknown' && tickets.length === 0, refreshing: false, error });

  if (error) return <ErrorNotice>Tickets could not be loaded: {error}.</ErrorNotice>;
  if (tickets.length === 0) {
    return result.type === 'complete' ? (
      <p className="px-4 py-10 text-center text-sm text-muted">No tickets yet.</p>
    ) : (
      <Placeholder />
    );
  }

  // Rows present at first complete load are "old"; anything later is new and gets highlighted.
  const firstLoad = seen.current === null;
  if (firstLoad && result.type === 'complete') seen.current = new Set(tickets.map((t) => t.id));
  const known = seen.current;

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">The {RECENT_TICKETS_LIMIT} most recently created tickets</caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr className="border-b border-line">
            <th scope="col" className="px-4 py-2 font-medium">#</th>
            <th scope="col" className="px-4 py-2 font-medium">Title</th>
            <th scope="col" className="px-4 py-2 font-medium">Client</th>
            <th scope="col" className="px-4 py-2 font-medium">Priority</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Created</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((t) => {
            const isNew = known !== null && !known.has(t.id);
            return (
              <tr
                key={t.id}
                data-ticket-id={t.id}
                className={`${rowHeight} border-b border-line last:border-0 ${isNew ? 'animate-arrive' : ''}`}
              >
                <td className="px-4 tabular-nums text-muted">{t.id}</td>
                <td className="max-w-72 truncate px-4" title={t.title}>
                  {t.title}
                  <span className="block text-xs text-muted">{t.ticketType?.typeName}</span>
                </td>
                <td className="px-4 whitespace-nowrap">{t.client?.clientName ?? '—'}</td>
                <td className="px-4"><PriorityBadge value={t.priority} /></td>
                <td className="px-4"><StatusBadge value={t.status} /></td>
                <td className="px-4 whitespace-nowrap text-muted">
                  {t.createdAt == null ? '—' : (
                    <time dateTime={new Date(t.createdAt).toISOString()} title={formatDateTime(t.createdAt)}>
                      {formatWhen(t.createdAt, now)}
                    </time>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function RecentTickets(props: WidgetAttributes) {
  return (
    <WidgetRoot {...props} widget="ops-recent-tickets" zeroContent title="Newest tickets" skeleton={<Placeholder />}>
      <TicketTable />
    </WidgetRoot>
  );
}
