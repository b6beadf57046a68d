// What each mutator accepts: validated on the client before the optimistic write and again on the
// server before anything reaches Postgres, with messages fit to show a user.
import { z } from 'zod';
import { ticketPriorities, ticketStatuses } from '../helpdesk.ts';

const id = z.number({ error: 'must be a number' }).int().positive();
const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} cannot be empty`)
    .max(max, `${what} is too long (at most ${max} characters)`);

export const createTicketArgs = z.object({
  /** Made by the client (crypto.randomUUID): its optimistic copy and the server's row share it. */
  uuid: z.uuid({ error: 'The ticket needs a uuid made by the client' }),
  title: text('Title', 255).min(3, 'Title needs at least 3 characters'),
  ticketTypeId: id,
  priority: z.enum(ticketPriorities, { error: `Priority must be one of ${ticketPriorities.join(', ')}` }),
  message: text('Message', 10_000),
});
export type CreateTicketArgs = z.infer<typeof createTicketArgs>;

export const addMessageArgs = z.object({ ticketId: id, text: text('Message', 10_000) });
export type AddMessageArgs = z.infer<typeof addMessageArgs>;

export const leaveFeedbackArgs = z.object({
  ticketId: id,
  rating: z.number().int('Rating must be a whole number').min(1, 'Rating must be 1 to 5').max(5, 'Rating must be 1 to 5'),
  text: z.string().trim().max(2_000, 'Feedback is too long (at most 2000 characters)').optional(),
});
export type LeaveFeedbackArgs = z.infer<typeof leaveFeedbackArgs>;

export const updateTicketArgs = z
  .object({
    ticketId: id,
    status: z.enum(ticketStatuses, { error: `Status must be one of ${ticketStatuses.join(', ')}` }).optional(),
    priority: z.enum(ticketPriorities, { error: `Priority must be one of ${ticketPriorities.join(', ')}` }).optional(),
    assignedTo: id.nullable().optional(),
  })
  .refine((a) => a.status !== undefined || a.priority !== undefined || a.assignedTo !== undefined, {
    message: 'Nothing to change: give a status, priority or assignee',
  });
export type UpdateTicketArgs = z.infer<typeof updateTicketArgs>;
