'use client';
import { useState } from 'react';
import { AuthForm } from '../auth-form.tsx';

export function SetPasswordForm({ apiUrl, token }: { apiUrl: string; token: string }) {
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <p role="status">
        Your password is set. <a href="/sign-in">Sign in</a>.
      </p>
    );
  }
  return (
    <AuthForm
      action={`${apiUrl}/api/auth/reset-password`}
      fields={[
        { name: 'newPassword', label: 'New password (at least 10 characters)', type: 'password', autoComplete: 'new-password', minLength: 10 },
        { name: 'confirm', label: 'Repeat it', type: 'password', autoComplete: 'new-password', minLength: 10 },
      ]}
      extra={{ token }}
      validate={(v) => (v.newPassword !== v.confirm ? 'The two passwords differ.' : null)}
      submitLabel="Set password"
      onSuccess={() => setDone(true)}
      describeError={(status, message) =>
        status === 400 && message?.toLowerCase().includes('token')
          ? 'This link is no longer valid. Ask for a new one.'
          : (message ?? `Setting the password failed (${status}).`)
      }
    />
  );
}
