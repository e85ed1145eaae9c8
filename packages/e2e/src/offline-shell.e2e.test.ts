import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { logIn } from './support/ui.js';

/**
 * A member opens the app once with a network; then the signal goes. The app
 * still opens from the phone (service worker), says that it is offline, and a
 * page whose code was never fetched shows a Vietnamese page with a retry, never
 * the browser's offline page or React Router's developer page.
 */
describe('the app shell without a network', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens offline after one visit, says it is offline, and explains a page it cannot load', async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.waitForURL((url) => url.pathname === '/worklist');
      // The worker has installed once its precache (the app's code) is on the phone.
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${server.url}/`);

      await context.setOffline(true);
      await page.getByTestId('offline-banner').waitFor();
      expect(await page.getByTestId('offline-banner').textContent()).toContain('Không có mạng');

      // The dashboards' charts are fetched when first used: offline, that page cannot open yet.
      await page.evaluate(() => {
        window.history.pushState({}, '', '/dashboard');
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      const error = page.getByTestId('route-error');
      await error.waitFor();
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('Trang này chưa mở được');
      expect(text).toContain('không có mạng');
      expect(await page.locator('body').textContent()).not.toMatch(
        /Hey developer|Unexpected Application Error/,
      );

      // A reload with no network: the app from the phone, not the browser's offline page, still
      // signed in and with the member's worklist kept on the phone.
      await page.goto(`${server.url}/worklist`);
      await page.getByTestId('offline-banner').waitFor();
      expect(await page.title()).toBe('Cầu Nối');
      await page.getByTestId('nav-toggle').waitFor();
      await page.getByTestId('worklist-count-overdue').waitFor();
      await expect(page.getByTestId('load-error').count()).resolves.toBe(0);

      // Back online, the banner goes and the page that could not open does.
      await context.setOffline(false);
      await expect.poll(() => page.getByTestId('offline-banner').count()).toBe(0);
      await page.goto(`${server.url}/dashboard`);
      await page.getByTestId('nav-toggle').waitFor();
      await expect(page.getByTestId('route-error').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
