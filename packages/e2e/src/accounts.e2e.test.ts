import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, logIn } from './support/ui.js';

/**
 * Accounts through the web: a user changes their own password (the old one
 * is then refused), signs out their other sessions; an administrator disables
 * an account, whose open session is sent back to the login page, and enables
 * it again. Each step that cannot be taken back is confirmed first.
 */
describe('account pages', () => {
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

  /** Signs in through the API: the status, and the session cookie when it worked. */
  async function apiLogin(username: string, password: string): Promise<{ status: number; cookie?: string }> {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c?.startsWith('caunoi_session='));
    return { status: response.status, ...(cookie ? { cookie } : {}) };
  }

  const meStatus = async (cookie: string) =>
    (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).status;

  /** Clicks the confirmation's primary button (the popconfirm says what the step does). */
  async function confirm(page: Page, says: string): Promise<void> {
    const popup = page.locator('.ant-popconfirm:visible');
    await popup.waitFor();
    expect(await popup.innerText()).toContain(says);
    await popup.locator('.ant-btn-primary').click();
  }

  it('changes the own password: the old one is refused at login, the new one works', async () => {
    const newPassword = 'mat-khau-moi-2026';
    const other = await apiLogin('capuy.thanhloc', demoPassword);
    expect(other.status).toBe(200);
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'capuy.thanhloc');
      await page.goto(`${server.url}/account`);
      await page.getByTestId('account-current-password').fill(demoPassword);
      await page.getByTestId('account-new-password').fill(newPassword);
      await page.getByTestId('account-confirm-password').fill(newPassword);
      await page.getByTestId('account-change-password').click();
      await page.getByText('Đã đổi mật khẩu.').waitFor();
      expect((await apiLogin('capuy.thanhloc', demoPassword)).status).toBe(401);
      expect((await apiLogin('capuy.thanhloc', newPassword)).status).toBe(200);
      // The other session ended with the change; this one goes on.
      expect(await meStatus(other.cookie!)).toBe(401);
      await page.reload();
      await page.getByTestId('account-current-password').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account');
    } finally {
      await context.close();
    }
  });

  it('signs out the other sessions after a confirmation, keeping this one', async () => {
    const other = await apiLogin('bithu.thanhan', demoPassword);
    expect(await meStatus(other.cookie!)).toBe(200);
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN', isMobile: true });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/account`);
      await page.getByTestId('account-end-others').click();
      await confirm(page, 'Phiên đang dùng ở đây vẫn giữ nguyên');
      await page.getByText(/Đã đăng xuất \d+ phiên khác/).waitFor();
      expect(await meStatus(other.cookie!)).toBe(401);
      await page.reload();
      await page.getByTestId('account-end-others').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account');
    } finally {
      await context.close();
    }
  });

  it('an administrator disables an account: its open session goes to login; enabled, it signs in again', async () => {
    const adminContext = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const userContext = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const admin = await adminContext.newPage();
    const user = await userContext.newPage();
    try {
      await logIn(user, server.url, 'bithu.hoathanh');
      await logIn(admin, server.url, 'admin');
      await admin.goto(`${server.url}/accounts`);
      const toggle = admin.getByTestId('account-toggle-bithu.hoathanh');
      await toggle.click();
      await confirm(admin, 'Khóa tài khoản bithu.hoathanh?');
      await expect.poll(async () => (await toggle.innerText()).replace(/\s/g, '')).toBe('Mởlại');

      // The open session: its next request is refused, and the app sends it to the login page.
      expect(await user.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(401);
      await user.goto(`${server.url}/households`);
      await user.waitForURL((url) => url.pathname.startsWith('/login'));
      expect((await apiLogin('bithu.hoathanh', demoPassword)).status).not.toBe(200);

      await toggle.click();
      await confirm(admin, 'Mở lại tài khoản bithu.hoathanh?');
      await expect.poll(async () => (await toggle.innerText()).replace(/\s/g, '')).toBe('Khóa');
      await logIn(user, server.url, 'bithu.hoathanh');
      expect(new URL(user.url()).pathname.startsWith('/login')).toBe(false);
    } finally {
      await adminContext.close();
      await userContext.close();
    }
  });
});
