import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HouseholdPrivacy, HouseholdSummary, Page } from '@caunoi/domain';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * Personal data on a phone: a cell secretary records a household's consent
 * on its page, then opens the requests page and the printable processing
 * register, none of which scrolls sideways at 360 px.
 */
describe('personal data pages', () => {
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
      await fetch(`${server.url}/api/v1/households?limit=1`, { headers: { cookie } })
    ).json()) as Page<HouseholdSummary>;
    household = list.items[0]!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records consent on the household page and shows the privacy pages on a phone', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN', isMobile: true });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/households/${household.id}`);
      const card = page.getByTestId('privacy-card');
      await card.waitFor();
      // The card's header shows before its record has loaded.
      await expect
        .poll(async () => (await card.textContent()) ?? '')
        .toContain('Chưa ghi nhận căn cứ xử lý dữ liệu');
      await page.getByTestId('privacy-edit').click();
      await page.getByLabel('Căn cứ xử lý').click();
      await page.getByTitle('Sự đồng ý của chủ thể dữ liệu').click();
      await page.getByLabel('Người đồng ý').fill('Thị Sa Rin');
      await page.getByLabel('Ngày đồng ý').fill('05/01/2026');
      await page.getByLabel('Ngày đồng ý').press('Enter');
      await page.getByLabel('Theo dõi hộ gia đình (sổ theo dõi)').check();
      await page.getByTestId('privacy-save').click();
      await page.getByTestId('privacy-form').waitFor({ state: 'detached' });
      await expect(card.textContent()).resolves.toContain('Thị Sa Rin');
      await expect(card.textContent()).resolves.toContain('05/01/2026');
      const saved = (await (
        await fetch(`${server.url}/api/v1/households/${household.id}/privacy`, { headers: { cookie } })
      ).json()) as HouseholdPrivacy;
      expect(saved).toMatchObject({
        legalBasis: 'consent',
        consent: { givenBy: 'Thị Sa Rin', givenOn: '2026-01-05', purposes: ['household_tracking'] },
      });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.goto(`${server.url}/privacy/requests`);
      await page.getByTestId('requests-table').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.goto(`${server.url}/privacy/register`);
      await page.getByText('DANH MỤC HOẠT ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN', { exact: true }).waitFor();
      await expect(page.locator('.report-document').textContent()).resolves.toContain(
        'Sổ theo dõi hộ gia đình',
      );
    } finally {
      await context.close();
    }
  });
});
