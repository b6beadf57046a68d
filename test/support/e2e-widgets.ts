// Waiting for widgets the way a page can tell: each element mirrors its state as data-state.
import { expect, type Page } from '@playwright/test';

/** The elements /dashboard places. */
export const dashboardWidgets = ['ops-filter-bar', 'ops-kpi-cards', 'ops-tickets-over-time', 'ops-ticket-distribution'];

/** Every one of `tags` on the page shows its data (the first load may wait for zero-cache's first sync). */
export async function allReady(page: Page, tags = dashboardWidgets): Promise<void> {
  for (const tag of tags) await expect(page.locator(tag)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
}
