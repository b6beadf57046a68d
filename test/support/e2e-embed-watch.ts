// What an embedding page's tests watch: the CSP violations the page reports, and every request the
// browser sends to our API or zero-cache with its Cookie and Authorization headers.
import type { Page } from '@playwright/test';

export interface RequestToUs {
  url: string;
  cookie: string | undefined;
  authorization: string | undefined;
}

export async function watchEmbed(page: Page, ours: readonly string[]) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
  });
  const requests: RequestToUs[] = [];
  page.on('request', (r) => {
    if (ours.some((origin) => r.url().startsWith(origin))) {
      requests.push({ url: r.url(), cookie: r.headers()['cookie'], authorization: r.headers()['authorization'] });
    }
  });
  return {
    requests,
    cspViolations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}
