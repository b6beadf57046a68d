// Signing in through the host's real sign-in page (Better Auth behind it).
import { expect, type Page } from '@playwright/test';
import { e2eEnv } from './test-stack.ts';

export const demoPassword = 'opskings-demo';

const api = `http://localhost:${e2eEnv().API_PORT}`;

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // `/` sends staff on to the dashboard and client users to the portal.
  await expect(page).toHaveURL(/\/(dashboard|portal)$/);
}

/**
 * Adds an <ops-recent-tickets> to the current page the way an embedding page would: the element,
 * then its entry script (staff pages load only their own widgets' entries). The entry shares the
 * page's chunks, so the widget joins the page's one Zero instance.
 */
export async function placeRecentTickets(page: Page, id = 'recent'): Promise<void> {
  // After signIn the URL is the new page's as soon as its document commits, before it is parsed
  // (there may be no <main> yet). And React hydrates <main> later: an element it did not render
  // there is a mismatch it repairs by re-rendering, dropping the element. It skips foreign
  // elements directly in <body>, as pages' own embeds are.
  await page.waitForLoadState('domcontentloaded');
  await page.evaluate(
    async ({ id, api }) => {
      const el = document.createElement('ops-recent-tickets');
      el.id = id;
      document.body.append(el);
      await import(`${api}/widgets/recent-tickets.js`);
    },
    { id, api },
  );
}
