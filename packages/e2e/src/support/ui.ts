import type { Page } from 'playwright-core';

export const demoPassword = 'caunoi-demo-2023';

/** Logs in through the login page and waits until the app has left it. */
export async function logIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = demoPassword,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Logs out from the header (desktop) or from the navigation drawer (phone). */
export async function logOut(page: Page): Promise<void> {
  const toggle = page.getByTestId('nav-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.getByTestId('logout-button').click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
}

/** Types into the household search and waits for the list to settle on the new query. */
export async function searchHouseholds(page: Page, query: string): Promise<void> {
  const input = page.getByTestId('household-search');
  await input.fill(query);
  await page.waitForURL((url) => url.searchParams.get('q') === query.trim());
  await page.locator('[data-testid="household-list"][data-loading="false"]').waitFor();
}

export function householdRow(page: Page, householdId: string) {
  return page.locator(`[data-testid="household-row"][data-household-id="${householdId}"]`);
}

/** Pixels the page is wider than the screen: a phone page must never scroll sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
