'use client';
import { AuthForm } from '../auth-form.tsx';

export function SignInForm({ apiUrl, next }: { apiUrl: string; next: string }) {
  return (
    <AuthForm
      action={`${apiUrl}/api/auth/sign-in/email`}
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
        { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
      ]}
      submitLabel="Sign in"
      onSuccess={() => window.location.assign(next)}
      describeError={(status, message) =>
        status === 401
          ? 'The email or password is not right.'
          : status === 429
            ? 'Too many attempts. Wait a minute and try again.'
            : (message ?? `Sign-in failed (${status}).`)
      }
    >
      <p className="auth-hint">
        First time here, or forgot your password? <a href="/request-link">Get a link to set your password</a>.
      </p>
    </AuthForm>
  );
}
