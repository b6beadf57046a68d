import { loadConfig } from '../../../config/env.ts';
import { RequestLinkForm } from './request-link-form.tsx';

export default async function RequestLinkPage() {
  const { urls } = loadConfig();
  return (
    <main className="auth-page">
      <h1>Set your password</h1>
      <p>Enter the email address your company or your OpsKings account uses. We will send a one-time link.</p>
      <RequestLinkForm apiUrl={urls.api} setPasswordUrl={`${urls.host}/set-password`} />
      <p className="auth-hint">
        <a href="/sign-in">Back to sign in</a>
      </p>
    </main>
  );
}
