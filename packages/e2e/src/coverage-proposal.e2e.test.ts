import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { CoverageReport, Unit } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, logIn } from './support/ui.js';

/**
 * The commune's party secretary reads who follows which households (the
 * report's table, in Vietnamese number format), looks at a past date, then
 * balances the commune: previews the proposal, reads what it could not
 * satisfy, and applies it. The figures afterwards come from the new pairs.
 */
describe('coverage figures and a balanced proposal', () => {
  let server: TestServer;
  let browser: Browser;
  let leader: ApiSession;
  let thanhAn: Unit;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    leader = await ApiSession.login(server.url, 'bithu.thanhloc', demoPassword);
    const found = await leader.get<{ items: Unit[] }>('/units?q=Th%E1%BA%A1nh%20An&kind=cell');
    thanhAn = found.items.find((u) => u.name === 'Chi bộ ấp Thạnh An')!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the commune’s table with the report’s hamlet figures, today and on a past date', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.getByTestId('nav-coverage').click();
      await page.waitForURL((url) => url.pathname === '/coverage');
      const table = page.getByTestId('coverage-table');
      await table.waitFor();
      const row = table.locator('tr', { hasText: 'Chi bộ ấp Thạnh An' });
      const cells = await row.locator('td').allTextContents();
      // Members 43, assigned 41 (95,3 %), households 586, all followed, average 14,3 with a decimal comma.
      expect(cells.slice(1, 7)).toEqual([
        '43',
        expect.stringMatching(/^41 \(95,3\s?%\)$/),
        '586',
        '586',
        '0',
        '14,3',
      ]);
      await expect(page.getByTestId('coverage-summary').textContent()).resolves.toContain('3.094/3.094 hộ');
      expect(await page.getByTestId('coverage-chart').locator('canvas').count()).toBe(1);
      await expect(page.getByTestId('assignment-alerts').textContent()).resolves.toContain('27 hộ (mức 20)');

      await page.goto(`${server.url}/coverage?date=2021-06-30`);
      await page.getByText('Tính lại từ lịch sử phân công').waitFor();
      const past = await page.getByTestId('coverage-table').locator('tr', { hasText: 'Chi bộ ấp Thạnh An' });
      const pastAssigned = Number((await past.locator('td').nth(2).textContent())?.split(' ')[0]);
      expect(pastAssigned).toBeLessThan(41);
    } finally {
      await context.close();
    }
  });

  it('previews a balanced proposal for the commune, explains it, and applies it', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.goto(`${server.url}/coverage`);
      await page.getByTestId('open-proposal-form').click();
      await page.waitForURL((url) => url.pathname === '/assignments/proposals/new');
      await page.getByTestId('proposal-min').fill('13');
      await page.getByTestId('proposal-max').fill('16');
      await page.getByTestId('proposal-submit').click();
      await page.waitForURL((url) => /^\/assignments\/proposals\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.getByTestId('proposal').waitFor();
      const issues = await page.getByTestId('proposal-issues').textContent();
      // Agency cells have members and no households: the minimum cannot be met there, and the page says so.
      expect(issues).toContain('Chi bộ Công an xã: Không đạt mức tối thiểu 13 hộ/đảng viên');
      const changes = await page.getByTestId('proposal-changes').locator('tbody tr').count();
      expect(changes).toBeGreaterThan(0);

      await page.getByTestId('proposal-apply').click();
      await page.getByRole('button', { name: 'Áp dụng đề xuất' }).last().click();
      await page.getByText('Đã áp dụng', { exact: true }).waitFor();

      // From today the hamlet's members carry 13 to 16 households each (the most before was 21).
      const after = await leader.get<CoverageReport>(`/coverage?unitId=${thanhAn.id}`);
      expect(after.totals.perMemberMax).toBeLessThanOrEqual(16);
      expect(after.totals.householdsAssigned).toBe(586);
    } finally {
      await context.close();
    }
  });
});
