import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'OpsKings Support Analytics',
  description: 'Support analytics dashboard and client portal',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="shell-header">
          <span className="shell-brand">OpsKings Support Analytics</span>
          <nav className="shell-nav" aria-label="Main">
            <a href="/" aria-current="page">Dashboard</a>
          </nav>
        </header>
        {children}
      </body>
    </html>
  );
}
