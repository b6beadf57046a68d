// The one filter model of the product: what the filter bar edits, what widgets pin with their
// `filters` attribute, what the URL carries, and what every analytics endpoint and ticket list
// accepts. Validation messages are meant for people.
import { z } from 'zod';
import { ticketPriorities } from '../helpdesk.ts';

export const setOperators = ['is', 'isNot', 'isAnyOf', 'isNoneOf'] as const;
export type SetOperator = (typeof setOperators)[number];

const isoDay = z.iso.date({ error: 'must be a calendar day like 2025-03-04' });
const id = z.number({ error: 'must be a number' }).int().positive();
const operator = z.enum(setOperators, { error: `must be one of ${setOperators.join(', ')}` });

const singleForIs = <T extends { op: SetOperator }>(key: keyof T & string) => ({
  check: (v: T) => (v.op === 'is' || v.op === 'isNot' ? (v[key] as unknown[]).length === 1 : true),
  message: { message: '"is" and "isNot" take exactly one value', path: [key] },
});

const assigneeIs = singleForIs<{ op: SetOperator; ids: (number | null)[] }>('ids');
const typeIs = singleForIs<{ op: SetOperator; ids: number[] }>('ids');
const priorityIs = singleForIs<{ op: SetOperator; values: string[] }>('values');

export const createdFilterSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('on'), date: isoDay }).strict(),
  z
    .object({ op: z.literal('between'), from: isoDay, to: isoDay })
    .strict()
    .refine((v) => v.from <= v.to, { message: 'must not be before "from"', path: ['to'] }),
  z.object({ op: z.literal('onOrBefore'), date: isoDay }).strict(),
  z.object({ op: z.literal('onOrAfter'), date: isoDay }).strict(),
]);

export const filtersSchema = z
  .object({
    created: createdFilterSchema.optional(),
    /** `null` stands for "Unassigned". */
    assignee: z
      .object({ op: operator, ids: z.array(id.nullable()).min(1, 'name at least one assignee').max(100) })
      .strict()
      .refine(assigneeIs.check, assigneeIs.message)
      .optional(),
    ticketType: z
      .object({ op: operator, ids: z.array(id).min(1, 'name at least one ticket type').max(100) })
      .strict()
      .refine(typeIs.check, typeIs.message)
      .optional(),
    priority: z
      .object({
        op: operator,
        values: z
          .array(z.enum(ticketPriorities, { error: `must be one of ${ticketPriorities.join(', ')}` }))
          .min(1, 'name at least one priority')
          .max(4),
      })
      .strict()
      .refine(priorityIs.check, priorityIs.message)
      .optional(),
  })
  .strict();

export type Filters = z.infer<typeof filtersSchema>;
export type CreatedFilter = z.infer<typeof createdFilterSchema>;
