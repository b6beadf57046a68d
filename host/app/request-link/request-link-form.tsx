'use client';
import { useState } from 'react';
import { AuthForm } from '../auth-form.tsx';

export function RequestLinkForm({ apiUrl, setPasswordUrl }: { apiUrl: string; setPasswordUrl: string }) {
  const [sent, setSent] = useState(false);
  if (sent) {
    // The same answer whether or not the address may sign in: nothing to learn about who has access.
    return (
      <p role="status">
        If this address may use OpsKings, a link to set your password is on its way. It works once, for 24 hours.
      </p>
    );
  }
  return (
    <AuthForm
      action={`${apiUrl}/api/auth/request-password-reset`}
      fields={[{ name: 'email', label: 'Email', type: 'email', autoComplete: 'username' }]}
      extra={{ redirectTo: setPasswordUrl }}
      submitLabel="Send me a link"
      onSuccess={() => setSent(true)}
      describeError={(status, message) =>
        status === 429 ? 'Too many requests. Wait a minute and try again.' : (message ?? `Request failed (${status}).`)
      }
    />
  );
}
