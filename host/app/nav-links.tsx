'use client';
// The main navigation, marking the current page for sighted and screen-reader users alike.
import { usePathname } from 'next/navigation';

export function NavLinks({ pages }: { pages: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav className="shell-nav" aria-label="Main">
      {pages.map((p) => (
        <a key={p.href} href={p.href} aria-current={pathname === p.href ? 'page' : undefined}>
          {p.label}
        </a>
      ))}
    </nav>
  );
}
