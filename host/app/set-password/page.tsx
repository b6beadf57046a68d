import { publicApiUrl } from '../session.ts';
import { SetPasswordForm } from './set-password-form.tsx';

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const { token, error } = await searchParams;
  return (
    <main className="auth-page">
      <h1>Choose your password</h1>
      {token && !error ? (
        <SetPasswordForm apiUrl={publicApiUrl()} token={token} />
      ) : (
        <p role="alert" className="auth-error">
          This link is not valid (it may have been used already or expired). <a href="/request-link">Ask for a new one</a>.
        </p>
      )}
    </main>
  );
}
