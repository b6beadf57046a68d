// Tickets and what hangs off them (messages, feedback), as lazy streams: a million tickets are never
// held in memory. The ticket stream is a pure function of (tickets, seed), so messages and feedback
// simply replay it; that lets them come out in seed.sql's id order (all client messages, then all
// replies, then all resolution messages; positive feedback before negative) without buffering.
import {
  clientsActiveInMonth,
  edgeCases,
  feedbackShape,
  messageShape,
  monthlyTicketCounts,
  monthStart,
  ticketShape,
  type TicketStatus,
} from './distribution.ts';
import { createRandom, type Random } from './random.ts';
import { referenceClients, referenceTeamMembers, referenceTicketTypes } from './reference-data.ts';
import type { Priority } from './reference-data.ts';
import type { TicketFeedbackRow, TicketMessageRow, TicketRow } from './rows.ts';

export interface GenerationOptions {
  tickets: number;
  seed: number;
}

/** The feedback a resolved ticket will get, drawn together with the ticket. */
export interface FeedbackDraw {
  rating: number;
  text: string;
  /** seed.sql inserts the positive (3–5) feedback first and the negative (1–2) second. */
  positive: boolean;
}

export interface GeneratedTicket extends TicketRow {
  feedback: FeedbackDraw | null;
}

const titles = referenceTicketTypes.map((t) => `Ticket regarding ${t.name}`);
const clientMessageTexts = referenceTicketTypes.map((t) => messageShape.clientText(t.name));

export function* generateTickets(options: GenerationOptions): Generator<GeneratedTicket> {
  const random = createRandom(options.seed, 'tickets');
  const perMonth = monthlyTicketCounts(options.tickets);
  let id = 0;
  for (let month = 1; month <= perMonth.length; month++) {
    const count = perMonth[month - 1] ?? 0;
    const start = monthStart(month);
    const clients = clientsActiveInMonth(month, referenceClients.length);
    for (let i = 0; i < count; i++) {
      id += 1;
      yield drawTicket(random, id, start, clients);
    }
  }
}

function drawTicket(random: Random, id: number, monthStartMs: number, clients: number): GeneratedTicket {
  // Draw order follows seed.sql's loop body; the additions draw after everything it draws.
  const clientId = random.below(clients) + 1;
  let assignedTo: number | null = random.below(referenceTeamMembers.length) + 1;
  const ticketTypeId = random.below(referenceTicketTypes.length) + 1;
  const createdAt = monthStartMs + Math.floor(random.next() * ticketShape.createdWithinMonthMs);

  let status: TicketStatus;
  let resolvedAt: number | null = null;
  if (random.next() < ticketShape.resolvedBelow) {
    status = 'resolved';
    resolvedAt = createdAt + Math.floor(random.next() * ticketShape.resolutionMs);
  } else if (random.next() < ticketShape.inProgressBelow) {
    status = 'in_progress';
  } else {
    status = 'open';
  }
  const priority = drawPriority(random);

  let closedAt: number | null = null;
  let feedback: FeedbackDraw | null = null;
  if (resolvedAt !== null) {
    if (random.next() < edgeCases.closedShareOfResolved) {
      const { min, max } = edgeCases.closedAfterResolvedMs;
      status = 'closed';
      closedAt = resolvedAt + min + Math.floor(random.next() * (max - min));
    }
    feedback = drawFeedback(random);
  } else if (status === 'open' && random.next() < edgeCases.unassignedShareOfOpen) {
    assignedTo = null;
  }

  return {
    id,
    clientId,
    assignedTo,
    ticketTypeId,
    status,
    priority,
    title: titles[ticketTypeId - 1] ?? '',
    createdAt,
    resolvedAt,
    closedAt,
    feedback,
  };
}

function drawPriority(random: Random): Priority {
  for (const [below, priority] of ticketShape.priorityThresholds) {
    if (random.next() < below) return priority;
  }
  return ticketShape.priorityOtherwise;
}

/** seed.sql's two feedback INSERTs, for one resolved (or, here, closed) ticket. */
function drawFeedback(random: Random): FeedbackDraw | null {
  const f = feedbackShape;
  if (random.next() < f.positiveBelow) {
    const rating = f.positiveRatings.lowest + random.below(f.positiveRatings.count);
    return { rating, text: pickText(random, f.positiveTexts, f.positiveOtherwise), positive: true };
  }
  if (random.next() < f.negativeBelow) {
    const rating = f.negativeRatings.lowest + random.below(f.negativeRatings.count);
    return { rating, text: pickText(random, f.negativeTexts, f.negativeOtherwise), positive: false };
  }
  return null;
}

/** A `CASE WHEN RANDOM() < a THEN x WHEN RANDOM() < b THEN y ELSE z END`: one draw per WHEN. */
function pickText(random: Random, branches: readonly (readonly [number, string])[], otherwise: string) {
  for (const [below, text] of branches) {
    if (random.next() < below) return text;
  }
  return otherwise;
}

/** seed.sql's three message INSERTs, in its order: ids 1..N are the client messages. */
export function* generateTicketMessages(options: GenerationOptions): Generator<TicketMessageRow> {
  const m = messageShape;
  let id = 0;
  for (const t of generateTickets(options)) {
    yield {
      id: ++id,
      ticketId: t.id,
      fromClient: true,
      fromTeamMemberId: null,
      messageText: clientMessageTexts[t.ticketTypeId - 1] ?? '',
      createdAt: t.createdAt + m.clientDelayMs,
    };
  }
  for (const t of generateTickets(options)) {
    if (t.assignedTo === null) continue;
    yield {
      id: ++id,
      ticketId: t.id,
      fromClient: false,
      fromTeamMemberId: t.assignedTo,
      messageText: m.replyText,
      createdAt: t.createdAt + m.replyDelayMs,
    };
  }
  for (const t of generateTickets(options)) {
    if (t.resolvedAt === null) continue;
    yield {
      id: ++id,
      ticketId: t.id,
      fromClient: false,
      fromTeamMemberId: t.assignedTo,
      messageText: m.resolutionText,
      createdAt: t.resolvedAt - m.resolutionLeadMs,
    };
  }
}

export function* generateTicketFeedback(options: GenerationOptions): Generator<TicketFeedbackRow> {
  let id = 0;
  for (const positivePass of [true, false]) {
    for (const t of generateTickets(options)) {
      if (t.feedback === null || t.feedback.positive !== positivePass || t.resolvedAt === null) continue;
      yield {
        id: ++id,
        ticketId: t.id,
        rating: t.feedback.rating,
        feedbackText: t.feedback.text,
        createdAt: t.resolvedAt + feedbackShape.delayAfterResolutionMs,
      };
    }
  }
}
