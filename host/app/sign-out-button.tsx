'use client';

export function SignOutButton({ apiUrl }: { apiUrl: string }) {
  async function signOut() {
    await fetch(`${apiUrl}/api/auth/sign-out`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
    window.location.assign('/sign-in');
  }
  return (
    <button type="button" className="shell-signout" onClick={signOut}>
      Sign out
    </button>
  );
}
