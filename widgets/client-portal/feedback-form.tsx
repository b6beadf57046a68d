// Feedback on one of the client's own tickets: offered once it is resolved or closed and has none;
// otherwise what was given is shown. The server refuses every other case on its own.
import { useState, type FormEvent } from 'react';
import { leaveFeedbackArgs } from '../../shared/zero/mutator-args.ts';
import { isClosedStatus, mutators } from '../../shared/zero/mutators.ts';
import { isPending, type TicketDetail } from '../runtime/tickets/ticket-detail.tsx';
import { WriteNotice } from '../runtime/tickets/write-notice.tsx';
import { inputClass, primaryButtonClass } from '../runtime/ui/form-controls.tsx';
import { useWrite } from '../runtime/write.ts';

const ratings = [1, 2, 3, 4, 5] as const;
const ratingWords = ['', 'Very poor', 'Poor', 'OK', 'Good', 'Excellent'];

export function FeedbackSection({ ticket }: { ticket: TicketDetail }) {
  const given = ticket.feedback;
  if (given) {
    return (
      <section aria-label="Your feedback" data-feedback="given" className="border-t border-line px-4 py-3 text-sm">
        <p>
          Your rating: <strong>{given.rating}/5</strong> {given.rating !== null && `(${ratingWords[given.rating]})`}
          {isPending(given) && <span className="ml-2 text-xs text-muted">Saving…</span>}
        </p>
        {given.feedbackText && <p className="mt-1 text-muted">“{given.feedbackText}”</p>}
      </section>
    );
  }
  if (!isClosedStatus(ticket.status) || isPending(ticket)) return null;
  return <FeedbackForm ticketId={ticket.id} />;
}

function FeedbackForm({ ticketId }: { ticketId: number }) {
  const [rating, setRating] = useState<number>();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const write = useWrite();

  function submit(event: FormEvent) {
    event.preventDefault();
    const args = leaveFeedbackArgs.safeParse({ ticketId, rating, ...(text.trim() ? { text } : {}) });
    if (!args.success) {
      setInvalid(rating === undefined ? 'Choose a rating from 1 to 5' : args.error.issues[0]?.message);
      return;
    }
    setInvalid(undefined);
    void write.send(mutators.feedback.leave(args.data));
  }

  return (
    <form onSubmit={submit} aria-label="Feedback" data-feedback="form" className="flex flex-col gap-2 border-t border-line px-4 py-3">
      <fieldset>
        <legend className="text-sm font-medium">How did we do?</legend>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {ratings.map((r) => (
            <label
              key={r}
              className={`cursor-pointer rounded-md border px-3 py-1 text-sm has-focus-visible:outline-2 has-focus-visible:outline-accent ${rating === r ? 'border-accent bg-accent-soft' : 'border-line'}`}
              title={ratingWords[r]}
            >
              <input type="radio" name="rating" value={r} checked={rating === r} onChange={() => setRating(r)} className="sr-only" />
              {r} ★<span className="sr-only"> {ratingWords[r]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <textarea
        aria-label="Comment (optional)"
        placeholder="Anything to add? (optional)"
        rows={2}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={inputClass}
      />
      {invalid && (
        <p role="alert" className="text-sm text-danger">
          {invalid}
        </p>
      )}
      <div className="flex items-center justify-between gap-3">
        <WriteNotice state={write.state} />
        <button type="submit" className={primaryButtonClass} disabled={write.state.status === 'sending'}>
          Send feedback
        </button>
      </div>
    </form>
  );
}
