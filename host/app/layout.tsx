import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NavLinks } from './nav-links.tsx';
import { pagesFor } from './navigation.ts';
import { currentViewer, publicApiUrl } from './session.ts';
import { SignOutButton } from './sign-out-button.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: 'OpsKings Support Analytics',
  description: 'Support analytics dashboard and client portal',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  return (
    <html lang="en">
      <body>
        <header className="shell-header">
          <span className="shell-brand">OpsKings Support Analytics</span>
          {viewer && <NavLinks pages={pagesFor(viewer)} />}
          {viewer && (
            <span className="shell-viewer">
              {viewer.name ?? 'Signed in'} · {viewer.role}
              <SignOutButton apiUrl={publicApiUrl()} />
            </span>
          )}
        </header>
        {children}
      </body>
    </html>
  );
}
