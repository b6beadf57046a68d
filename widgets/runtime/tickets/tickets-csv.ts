// A page of tickets as CSV, exactly the rows a staff table shows (the ticket list and the inbox).
import type { CsvTable } from '../csv.ts';
import type { TicketPages } from './use-ticket-pages.ts';

export function staffTicketsCsv(name: string, rows: TicketPages['shown']): CsvTable {
  return {
    name,
    header: ['id', 'title', 'client', 'type', 'assignee', 'priority', 'status', 'created'],
    rows: rows.map((t) => [
      t.id,
      t.title,
      t.client?.clientName ?? '',
      t.ticketType?.typeName ?? '',
      t.assignee?.username ?? '',
      t.priority,
      t.status,
      t.createdAt === null ? '' : new Date(t.createdAt).toISOString(),
    ]),
  };
}
