import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page as BrowserPage } from 'playwright-core';
import type { Household, HouseholdSummary, Page } from '@caunoi/domain';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * The tracking book in the browser: a cell secretary edits a household's
 * income while a committee officer changes its phone; the save is refused,
 * the form keeps the typed income and shows the officer's change, and the
 * secretary saves again on the new version. Then the "biến động" screen and
 * the duplicate warning of the new-household form.
 */

/** A minimal API client with PATCH, for the other person in the scene. */
async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('caunoi_session='))!;
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: <T>(path: string) => send<T>('GET', path),
    patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  };
}

const shots = process.env.CAUNOI_E2E_SHOTS;
async function shot(page: BrowserPage, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

describe('the household tracking book', () => {
  let server: TestServer;
  let browser: Browser;
  let household: HouseholdSummary;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    const secretary = await apiAs(server.url, 'bithu.thanhan');
    const list = await secretary.get<Page<HouseholdSummary>>('/households?limit=1');
    household = list.items[0]!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps what the user typed when someone else saved first, shows their change, and saves on the new version', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/households/${household.id}`);
      await page.getByTestId('book-general').waitFor();
      await page.getByTestId('book-living').waitFor();
      await page.getByTestId('timeline-item').first().waitFor();
      await shot(page, 'household-desktop');

      await page.getByTestId('edit-general').click();
      const drawer = page.getByTestId('edit-general-drawer');
      await drawer.waitFor();
      const income = page.getByTestId('field-monthlyIncome');
      await income.fill('5000000');

      // Meanwhile the committee office changes the phone.
      const staff = await apiAs(server.url, 'bantochuc');
      const current = await staff.get<Household>(`/households/${household.id}`);
      await staff.patch(`/households/${household.id}`, { version: current.version, phone: '0987 654 321' });

      await page.getByTestId('book-save').click();
      const conflict = page.getByTestId('book-conflict');
      await conflict.waitFor();
      await expect(conflict.textContent()).resolves.toContain('Số điện thoại');
      await expect(conflict.textContent()).resolves.toContain('0987 654 321');
      await expect(income.inputValue()).resolves.toBe('5.000.000');
      await shot(page, 'conflict');

      await page.getByTestId('book-conflict-reapply').click();
      await drawer.waitFor({ state: 'hidden' });
      await expect(page.getByTestId('book-income').textContent()).resolves.toBe('5.000.000 đồng');
      await expect(page.getByTestId('book-general').textContent()).resolves.toContain('0987 654 321');

      const saved = await staff.get<Household>(`/households/${household.id}`);
      expect(saved.monthlyIncome).toBe(5_000_000);
      expect(saved.phone).toBe('0987 654 321');
      expect(saved.version).toBe(current.version + 2);
    } finally {
      await context.close();
    }
  });

  it('shows the whole book on a phone without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN', isMobile: true });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/households/${household.id}`);
      await page.getByTestId('book-timeline').waitFor();
      await page.getByTestId('timeline-item').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'household-phone');
    } finally {
      await context.close();
    }
  });

  it('lists this month\u2019s population and labour changes of the commune', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.goto(`${server.url}/household-changes`);
      const rows = page.locator('[data-testid="changes-list"] tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(0);
      await shot(page, 'changes');
    } finally {
      await context.close();
    }
  });

  it('warns before adding a household that closely matches one already in the commune', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/households`);
      await page.getByTestId('household-new').click();
      await page.getByTestId('new-household-form').waitFor();
      await page.getByTestId('new-household-code').fill('HGD-E2E-TRUNG');
      await page.getByLabel('Chủ hộ').fill(household.headName.toUpperCase());
      await page.getByLabel('Địa chỉ').fill(household.address);
      await page.getByTestId('new-household-save').click();
      const warning = page.getByRole('dialog').filter({ hasText: 'Có thể trùng với hộ đã có' });
      await warning.waitFor();
      await expect(warning.textContent()).resolves.toContain(household.code);
      await shot(page, 'duplicate');
      await page.getByTestId('duplicate-confirm').click();
      await page.waitForURL((url) => /\/households\/[0-9a-f-]{36}$/.test(url.pathname));
      await expect(page.getByTestId('household-code').textContent()).resolves.toBe('HGD-E2E-TRUNG');
    } finally {
      await context.close();
    }
  });
});
