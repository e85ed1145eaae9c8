import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword } from './support/ui.js';

/**
 * On a slow line the app's JavaScript takes seconds; index.html's own login
 * form (public/boot-login.js) takes the name and password before it arrives.
 * Here the app's code is held back on purpose, as a slow 3G line would, and
 * released when the test says so.
 */
describe('the login form before the app arrives', () => {
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

  /** A phone whose app code waits until `release` is called. */
  async function slowPhone(): Promise<{ context: BrowserContext; page: Page; release: () => Promise<void> }> {
    const context = await browser.newContext({
      viewport: viewports.phone,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      // No worker: it would fetch the app's code itself, around the held request.
      serviceWorkers: 'block',
    });
    const held: Route[] = [];
    let released = false;
    await context.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      if (released) await route.continue();
      else held.push(route);
    });
    const page = await context.newPage();
    const release = async () => {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    };
    return { context, page, release };
  }

  it('signs the member in before the app has arrived, and the app opens signed in', async () => {
    const { context, page, release } = await slowPhone();
    try {
      await page.goto(`${server.url}/login`, { waitUntil: 'commit' });
      await page.locator('#boot-username').waitFor();
      await expect(page.getByTestId('login-username').count()).resolves.toBe(0);
      // Labelled fields, in Vietnamese.
      await page.getByLabel('Tên đăng nhập').fill('dangvien.thanhan');
      await page.getByLabel('Mật khẩu').fill(demoPassword);
      await page.locator('#boot-submit').click();
      await expect.poll(() => page.locator('#boot-status').textContent()).toContain('Đã đăng nhập');
      await release();
      await page.waitForURL((url) => url.pathname === '/worklist', { timeout: 60_000 });
      await page.getByTestId('worklist-count-overdue').waitFor();
    } finally {
      await context.close();
    }
  });

  it('says a wrong password in the server’s words, and the app’s form keeps what was typed', async () => {
    const { context, page, release } = await slowPhone();
    try {
      await page.goto(`${server.url}/login`, { waitUntil: 'commit' });
      await page.locator('#boot-username').fill('dangvien.thanhan');
      await page.locator('#boot-password').fill('not-the-password');
      await page.locator('#boot-submit').click();
      const error = page.locator('#boot-login-error');
      await error.waitFor();
      await expect(error.getAttribute('role')).resolves.toBe('alert');
      await expect(error.textContent()).resolves.toMatch(/mật khẩu/i);

      await page.locator('#boot-password').fill('');
      await release();
      // The app's form replaces the first one and starts from the name already typed.
      await expect
        .poll(() => page.getByTestId('login-username').inputValue(), { timeout: 60_000 })
        .toBe('dangvien.thanhan');
      await page.getByTestId('login-password').fill(demoPassword);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname === '/worklist', { timeout: 60_000 });
    } finally {
      await context.close();
    }
  });
});
