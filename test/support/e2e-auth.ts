// Signing in through the host's real sign-in page (Better Auth behind it).
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'opskings-demo';

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // `/` sends staff on to the dashboard and client users to the portal.
  await expect(page).toHaveURL(/\/(dashboard|portal)$/);
}

/**
 * Adds an <ops-recent-tickets> to the current page the way an embedding page would (it is no longer
 * placed on a staff page; the loader registers it everywhere).
 */
export async function placeRecentTickets(page: Page, id = 'recent'): Promise<void> {
  await page.waitForFunction(() => customElements.get('ops-recent-tickets') !== undefined);
  await page.evaluate((id) => {
    const el = document.createElement('ops-recent-tickets');
    el.id = id;
    document.querySelector('main')?.append(el);
  }, id);
}
