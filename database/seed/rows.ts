// The generated rows, one interface per table, fields in column order. Timestamps are epoch
// milliseconds (UTC) and money is whole-cent US dollars as a number: millions of rows stream through
// here, so no Date objects or decimal strings until a row is written out.
import type { TicketStatus } from './distribution.ts';
import type { Department, PlanType, Priority } from './reference-data.ts';

export interface ClientRow {
  id: number;
  clientName: string;
  email: string;
  status: string;
  planType: PlanType;
  monthlyBudget: number;
  createdAt: number;
}

export interface TeamMemberRow {
  id: number;
  username: string;
  email: string;
  department: Department;
  status: string;
  createdAt: number;
}

export interface TicketTypeRow {
  id: number;
  typeName: string;
  department: Department;
  priority: Priority;
  avgResolutionHours: number;
}

export interface TicketRow {
  id: number;
  clientId: number;
  assignedTo: number | null;
  ticketTypeId: number;
  status: TicketStatus;
  priority: Priority;
  title: string;
  createdAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
}

export interface TicketMessageRow {
  id: number;
  ticketId: number;
  fromClient: boolean;
  fromTeamMemberId: number | null;
  messageText: string;
  createdAt: number;
}

export interface TicketFeedbackRow {
  id: number;
  ticketId: number;
  rating: number;
  feedbackText: string;
  createdAt: number;
}

export type PaymentType = 'subscription' | 'top-up';
export type PaymentStatus = 'completed' | 'failed' | 'pending' | 'refunded';

export interface PaymentRow {
  id: number;
  clientId: number;
  amountUsd: number;
  paymentType: PaymentType;
  status: PaymentStatus;
  paidAt: number;
  createdAt: number;
}
