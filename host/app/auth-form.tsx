'use client';
// A small form that posts JSON to the API from the browser (cookies included) and reports the
// outcome in words; shared by the sign-in, request-link and set-password pages.
import { useState, type FormEvent, type ReactNode } from 'react';

export interface Field {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  minLength?: number;
}

interface AuthFormProps {
  action: string;
  fields: Field[];
  submitLabel: string;
  /** Extra values sent with the fields (e.g. the set-password token). */
  extra?: Record<string, string>;
  /** Checks across fields before sending (e.g. both passwords equal); returns a message or null. */
  validate?: (values: Record<string, string>) => string | null;
  onSuccess: () => void;
  /** Turns an error response into a sentence for the user. */
  describeError?: (status: number, message: string | undefined) => string;
  children?: ReactNode;
}

export function AuthForm({ action, fields, submitLabel, extra, validate, onSuccess, describeError, children }: AuthFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(fields.map((f) => [f.name, String(new FormData(event.currentTarget).get(f.name) ?? '')]));
    const problem = validate?.(values) ?? null;
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const res = await fetch(action, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...values, ...extra }),
      });
      if (res.ok) {
        onSuccess();
        return;
      }
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      setError(describeError?.(res.status, body.message) ?? body.message ?? `The server answered ${res.status}.`);
    } catch {
      setError('The server cannot be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate={false}>
      {fields.map((f) => (
        <label key={f.name}>
          {f.label}
          <input name={f.name} type={f.type} autoComplete={f.autoComplete} required minLength={f.minLength} />
        </label>
      ))}
      {error && (
        <p role="alert" className="auth-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Please wait…' : submitLabel}
      </button>
      {children}
    </form>
  );
}
