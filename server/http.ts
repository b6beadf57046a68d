// How the API says no: one JSON shape for every refusal ({ error, message, fields? }), field-level
// messages for invalid bodies, never a stack trace.
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { ClientErrorStatusCode, ServerErrorStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export interface Problem {
  error: string;
  message: string;
  fields?: Record<string, string>;
}

/** The status is kept literal so typed clients see refusals apart from success bodies. */
export function refuse<S extends ClientErrorStatusCode | ServerErrorStatusCode>(
  c: Context,
  status: S,
  error: string,
  message: string,
  fields?: Record<string, string>,
) {
  const body: Problem = fields ? { error, message, fields } : { error, message };
  return c.json(body, status);
}

/** Field path → first message, e.g. { "widgets.0": "Invalid option…" }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '(body)';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The 400 for a body that does not match its schema: the first message of every field. */
export function invalidRequest(c: Context, error: z.ZodError) {
  return refuse(c, 400, 'invalid_request', 'The request body is invalid.', fieldErrors(error));
}

export function invalidJson(c: Context) {
  return refuse(c, 400, 'invalid_json', 'The request body must be JSON.');
}

/** Parses a JSON body with `schema`; on failure returns the 400 response to send. */
export async function parseBody<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: invalidJson(c) };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: invalidRequest(c, parsed.error) };
  return { ok: true, value: parsed.data };
}

/**
 * The same rule as a validator, for routes that widgets call through Hono's typed client (it
 * carries the body's type). An absent body counts as {}. Malformed JSON makes Hono throw, and
 * app.onError answers that with invalidJson.
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return validator('json', (value: unknown, c: Context) => {
    const parsed = schema.safeParse(value ?? {});
    return parsed.success ? parsed.data : invalidRequest(c, parsed.error);
  });
}
