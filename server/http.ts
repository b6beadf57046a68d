// How the API says no: one JSON shape for every refusal ({ error, message, fields? }), field-level
// messages for invalid bodies, never a stack trace.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export interface Problem {
  error: string;
  message: string;
  fields?: Record<string, string>;
}

export function refuse(c: Context, status: ContentfulStatusCode, error: string, message: string, fields?: Record<string, string>) {
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

/** Parses a JSON body with `schema`; on failure returns the 400 response to send. */
export async function parseBody<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: refuse(c, 400, 'invalid_json', 'The request body must be JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      response: refuse(c, 400, 'invalid_request', 'The request body is invalid.', fieldErrors(parsed.error)),
    };
  }
  return { ok: true, value: parsed.data };
}
