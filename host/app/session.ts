// The viewer's identity for server components: the host forwards the browser's cookies to the API's
// /api/me (the API is the only place that decides identity).
import { cookies } from 'next/headers';
import { cache } from 'react';
import { loadConfig } from '../../config/env.ts';

export interface Viewer {
  userId: string;
  role: 'client' | 'agent' | 'manager' | 'admin';
  name: string | null;
}

/** Memoised per request: the layout and the page ask once between them. */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const { urls } = loadConfig();
  const cookie = (await cookies()).toString();
  if (!cookie) return null;
  const res = await fetch(`${urls.apiInternal}/api/me`, { headers: { cookie }, cache: 'no-store' });
  if (!res.ok) return null;
  return (await res.json()) as Viewer;
});

/** The API's public URL, for forms that post to it from the browser. */
export function publicApiUrl(): string {
  return loadConfig().urls.api;
}
