// The analytics API as a signed-in page's own session sees it, for comparing widgets with it.
import { expect, type Page } from '@playwright/test';
import type { AnalyticsEndpoint, AnalyticsResponses } from '../../shared/analytics/api.ts';
import { analyticsPaths } from '../../shared/analytics/api.ts';

/** POSTs `body` to the endpoint at the API the page's `widget` element names, with the page's cookies. */
export async function pageApi<E extends AnalyticsEndpoint>(page: Page, widget: string, endpoint: E, body: object): Promise<AnalyticsResponses[E]> {
  const apiUrl = await page.locator(widget).first().getAttribute('api-url');
  const res = await page.request.post(`${apiUrl}/api/analytics/${analyticsPaths[endpoint]}`, { data: body });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as AnalyticsResponses[E];
}
