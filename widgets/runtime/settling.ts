// An answer on its way, with its value once it has arrived. A render can use an answer that is
// already in at once, where awaiting even a settled promise would cost it a render: the answers
// asked ahead, the page's opening /api/me, the API's configuration.

export interface Settling<T> {
  /** When it was asked (performance.now()). */
  at: number;
  answer: Promise<T>;
  /** The answer's value, once it is in. */
  settled?: { value: T };
}

/** Follows `answer`; `failed` runs if it is refused (callers forget it, so the next asks afresh). */
export function settling<T>(answer: Promise<T>, failed: () => void): Settling<T> {
  const entry: Settling<T> = { at: performance.now(), answer };
  answer.then((value) => {
    entry.settled = { value };
  }, failed);
  return entry;
}
