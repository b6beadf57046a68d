// Widgets as a page sees them: their state (each element mirrors it as data-state), the URL that
// opens a page with filters, and the KPI cards' numbers.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Filters } from '../../shared/analytics/filters.ts';

/** The elements /dashboard places. */
export const dashboardWidgets = ['ops-filter-bar', 'ops-kpi-cards', 'ops-tickets-over-time', 'ops-ticket-distribution'];

/** Every one of `tags` on the page shows its data (the first load may wait for zero-cache's first sync). */
export async function allReady(page: Page, tags = dashboardWidgets): Promise<void> {
  for (const tag of tags) await expect(page.locator(tag)).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
}

/** A page's path with these filters in its URL (`ops-filters`), as a shared link opens it. */
export function withFilters(path: string, filters: Filters): string {
  return `${path}?ops-filters=${encodeURIComponent(JSON.stringify(filters))}`;
}

/** One of the KPI cards' numbers (`data-metric`: total, open, csat-responses, …). */
export function metric(page: Page, name: string): Locator {
  return page.locator(`ops-kpi-cards [data-metric="${name}"]`);
}
