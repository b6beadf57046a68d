// Signing in through the host's real sign-in page (Better Auth behind it).
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'opskings-demo';

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}
