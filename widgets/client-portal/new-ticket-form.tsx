// The portal's "New ticket" form. Fields are checked with the same zod schema the mutator uses on
// both sides, so a user sees each problem beside its field before anything is sent.
import { useQuery } from '@rocicorp/zero/react';
import { useState, type FormEvent } from 'react';
import { ticketPriorities, type TicketPriority } from '../../shared/helpdesk.ts';
import { createTicketArgs, type CreateTicketArgs } from '../../shared/zero/mutator-args.ts';
import { queries } from '../../shared/zero/queries.ts';
import { Choice, Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../runtime/ui/form-controls.tsx';

export interface Draft {
  title: string;
  ticketTypeId: string;
  priority: TicketPriority;
  message: string;
}

export const emptyDraft: Draft = { title: '', ticketTypeId: '', priority: 'medium', message: '' };

type FieldErrors = Partial<Record<keyof Draft, string>>;

function check(draft: Draft, uuid: string): { args: CreateTicketArgs } | { errors: FieldErrors } {
  const parsed = createTicketArgs.safeParse({
    uuid,
    title: draft.title,
    ticketTypeId: draft.ticketTypeId === '' ? undefined : Number(draft.ticketTypeId),
    priority: draft.priority,
    message: draft.message,
  });
  if (parsed.success) return { args: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (key === 'ticketTypeId') errors.ticketTypeId ??= 'Choose a ticket type';
    else if (key === 'title' || key === 'priority' || key === 'message') errors[key] ??= issue.message;
  }
  return { errors };
}

interface Props {
  initial: Draft;
  /** Why the last attempt failed (the server's or the connection's words). */
  failure?: string;
  onSubmit: (args: CreateTicketArgs, draft: Draft) => void;
  onCancel: () => void;
}

export function NewTicketForm({ initial, failure, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [types] = useQuery(queries.ticketTypes.all());
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = check(draft, crypto.randomUUID());
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.args, draft);
  }

  return (
    <form onSubmit={submit} aria-label="New ticket" className="flex flex-col gap-3 px-4 py-4" noValidate>
      <h3 className="text-base font-semibold">New ticket</h3>
      {failure && (
        <p role="alert" className="rounded-md border border-danger px-3 py-2 text-sm text-danger">
          The ticket was not created: {failure}
        </p>
      )}
      <Field label="Title" error={errors.title}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={draft.title}
            maxLength={300}
            onChange={(e) => set('title', e.target.value)}
            className={inputClass}
            autoFocus
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Type" error={errors.ticketTypeId}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={draft.ticketTypeId}
              onChange={(e) => set('ticketTypeId', e.target.value)}
              className={inputClass}
            >
              <option value="">Choose…</option>
              {types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.typeName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Priority" error={errors.priority}>
          {({ id, describedBy, invalid }) => (
            <Choice
              id={id}
              describedBy={describedBy}
              invalid={invalid}
              value={draft.priority}
              choices={ticketPriorities}
              onChange={(p) => set('priority', p ?? 'medium')}
            />
          )}
        </Field>
      </div>
      <Field label="Message" error={errors.message} hint="Describe the problem; the team replies in this thread.">
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            rows={5}
            value={draft.message}
            onChange={(e) => set('message', e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={primaryButtonClass}>
          Create ticket
        </button>
      </div>
    </form>
  );
}
