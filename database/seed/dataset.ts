// The whole generated data set as seven table sources, in load order, each a replayable stream of
// COPY lines. The loader and the determinism tests both consume exactly this.
import type { HelpdeskTable } from '../schema/helpdesk.ts';
import {
  clientsCopy,
  paymentsCopy,
  teamMembersCopy,
  ticketFeedbackCopy,
  ticketMessagesCopy,
  ticketsCopy,
  ticketTypesCopy,
  type CopyFormat,
} from './copy-format.ts';
import { edgeCases, feedbackShape, ticketShape } from './distribution.ts';
import { generatePayments } from './payments.ts';
import { referenceClients, referenceTeamMembers, referenceTicketTypes } from './reference-data.ts';
import type { ClientRow, TeamMemberRow, TicketTypeRow } from './rows.ts';
import {
  generateTicketFeedback,
  generateTicketMessages,
  generateTickets,
  type GenerationOptions,
} from './tickets.ts';

export interface TableSource {
  table: HelpdeskTable;
  columns: readonly string[];
  /** A fresh stream of COPY text lines (each ending in \n) on every call. */
  lines: () => Iterable<string>;
}

export function clientRows(): ClientRow[] {
  return referenceClients.map((c, i) => ({
    id: i + 1,
    clientName: c.name,
    email: c.email,
    status: c.status,
    planType: c.plan,
    monthlyBudget: c.monthlyBudget,
    createdAt: Date.parse(c.createdAt),
  }));
}

export function teamMemberRows(): TeamMemberRow[] {
  return referenceTeamMembers.map((m, i) => ({
    id: i + 1,
    username: m.username,
    email: m.email,
    department: m.department,
    status: m.status,
    createdAt: Date.parse(m.createdAt),
  }));
}

export function ticketTypeRows(): TicketTypeRow[] {
  return referenceTicketTypes.map((t, i) => ({
    id: i + 1,
    typeName: t.name,
    department: t.department,
    priority: t.priority,
    avgResolutionHours: t.avgResolutionHours,
  }));
}

export function tableSources(options: GenerationOptions): TableSource[] {
  return [
    source('clients', clientsCopy, clientRows),
    source('team_members', teamMembersCopy, teamMemberRows),
    source('ticket_types', ticketTypesCopy, ticketTypeRows),
    source('tickets', ticketsCopy, () => generateTickets(options)),
    source('ticket_messages', ticketMessagesCopy, () => generateTicketMessages(options)),
    source('ticket_feedback', ticketFeedbackCopy, () => generateTicketFeedback(options)),
    source('payments', paymentsCopy, () => generatePayments(options.seed)),
  ];
}

function source<Row>(
  table: HelpdeskTable,
  format: CopyFormat<Row>,
  rows: () => Iterable<Row>,
): TableSource {
  return {
    table,
    columns: format.columns,
    lines: function* () {
      for (const row of rows()) yield format.line(row);
    },
  };
}

/**
 * Rows each table will get: exact for all but messages and feedback, whose counts are random and
 * given as their expectation. Only a progress bar's scale; the load reports the real counts.
 */
export function expectedRowCounts(options: GenerationOptions): Record<HelpdeskTable, number> {
  const n = options.tickets;
  const resolved = ticketShape.resolvedBelow;
  const open = (1 - resolved) * (1 - ticketShape.inProgressBelow);
  const assigned = 1 - open * edgeCases.unassignedShareOfOpen;
  const feedback =
    feedbackShape.positiveBelow + (1 - feedbackShape.positiveBelow) * feedbackShape.negativeBelow;
  return {
    clients: referenceClients.length,
    team_members: referenceTeamMembers.length,
    ticket_types: referenceTicketTypes.length,
    tickets: n,
    ticket_messages: Math.round(n * (1 + assigned + resolved)),
    ticket_feedback: Math.round(n * resolved * feedback),
    payments: generatePayments(options.seed).length,
  };
}
