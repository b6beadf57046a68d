import { redirect } from 'next/navigation';
import { currentViewer, publicApiUrl } from '../session.ts';
import { SignInForm } from './sign-in-form.tsx';

/** Only same-site paths: an absolute URL in ?next= would make this an open redirect. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentViewer()) redirect(next);
  return (
    <main className="auth-page">
      <h1>Sign in</h1>
      <SignInForm apiUrl={publicApiUrl()} next={next} />
    </main>
  );
}
