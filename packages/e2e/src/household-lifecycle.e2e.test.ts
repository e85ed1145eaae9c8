import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Household, HouseholdSummary, Page } from '@caunoi/domain';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * A household's life on a phone: the cell secretary records that a
 * household no longer exists, reads the confirmation that says what happens,
 * confirms, and the book then says since when and why; the household's
 * assignment ended with it.
 */
describe('the household lifecycle on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let household: HouseholdSummary;
  let cookie: string;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bithu.thanhan', password: demoPassword }),
    });
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c?.startsWith('caunoi_session='))!;
    const list = (await (
      await fetch(`${server.url}/api/v1/households?assigned=true&limit=5`, { headers: { cookie } })
    ).json()) as Page<HouseholdSummary>;
    household = list.items[3]!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ends a household after a confirmation in words, and shows it ended', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN', isMobile: true });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/households/${household.id}`);
      await page.getByTestId('household-lifecycle').waitFor();
      await page.getByTestId('lifecycle-end').click();
      const dialog = page.getByTestId('lifecycle-dialog');
      await dialog.getByLabel('Chuyển đi nơi khác').check();
      await dialog.getByRole('textbox', { name: 'Lý do' }).fill('Cả hộ chuyển vào Bình Dương làm ăn');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByTestId('lifecycle-submit').click();
      const confirm = page.locator('.ant-popconfirm');
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain(`Hộ ${household.code} không còn từ ngày`);
      expect(await confirm.innerText()).toContain('Phân công hiện tại kết thúc vào ngày hôm trước.');
      await confirm.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByTestId('household-ended').waitFor();
      expect(await page.getByTestId('household-ended').innerText()).toContain('Chuyển đi nơi khác');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      const book = (await (
        await fetch(`${server.url}/api/v1/households/${household.id}`, { headers: { cookie } })
      ).json()) as Household;
      expect(book.lifecycle).toMatchObject({ status: 'ended', endReason: 'moved_away' });
      expect(book.assignedMemberId).toBeNull();
    } finally {
      await context.close();
    }
  });
});
