import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FourGoodBoard, HouseholdModelCell, YearlyFigures } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * The yearly forms: the commune secretary records a cultural hamlet (the
 * Vietnamese messages of an empty form first) and downloads the targets; the
 * cell secretary registers Thạnh An for 2024's "4 tốt" and a new member for
 * the household model on a phone; the commune records the cell's result.
 */
describe('yearly forms in the browser', () => {
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

  it('the commune secretary records a cultural hamlet and downloads the targets', async () => {
    const leader = await ApiSession.login(server.url, 'bithu.thanhloc', demoPassword);
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.goto(`${server.url}/targets?year=2023`);
      const figures = page.getByTestId('target-figures');
      await figures.getByText('7/7', { exact: true }).waitFor();

      await page.getByTestId('cultural-new').click();
      await page.getByTestId('cultural-save').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Nhập tên ấp hoặc cơ quan.').waitFor();
      await dialog.getByText('Chọn kết quả đạt hoặc chưa đạt.').waitFor();
      await page.getByTestId('cultural-name').fill('Ấp Thạnh Phú');
      await dialog.getByLabel('Chưa đạt').check();
      await page.getByTestId('cultural-save').click();
      await dialog.waitFor({ state: 'hidden' });
      await figures.getByText('7/8', { exact: true }).waitFor();

      // Corrected under the same record: still eight hamlets, now all achieved.
      const row = page.getByTestId('cultural-row').filter({ hasText: 'Ấp Thạnh Phú' });
      await row.getByRole('button', { name: 'Sửa' }).click();
      await dialog.getByLabel('Đạt', { exact: true }).check();
      await page.getByTestId('cultural-save').click();
      await dialog.waitFor({ state: 'hidden' });
      await figures.getByText('8/8', { exact: true }).waitFor();
      const stored = await leader.get<YearlyFigures>(
        `/yearly/figures?unitId=${leader.user.scopeUnitId}&year=2023`,
      );
      expect(stored.targets.culturalHamlets).toEqual({ achieved: 8, total: 8 });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('targets-excel').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^chi-tieu-.+-2023\.xlsx$/);
    } finally {
      await context.close();
    }
  });

  it('the cell secretary registers for 4 tốt and the household model on a phone; the commune records the result', async () => {
    const leader = await ApiSession.login(server.url, 'bithu.thanhloc', demoPassword);
    const secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
    const cellId = secretary.user.scopeUnitId;
    // Members are created by the district's staff.
    const staff = await ApiSession.login(server.url, 'bantochuc', demoPassword);
    await staff.post('/members', {
      code: 'E2E-MODEL-1',
      fullName: 'Lâm Thị Mới',
      cellId,
      status: 'official',
      activeFrom: '2024-02-01',
    });

    const phone = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/four-good?year=2024`);
      const row = page.getByTestId('four-good-row').first();
      await row.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByTestId('four-good-save').click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('Ngày đăng ký: 31/12/2024').waitFor();

      await row.getByTestId('household-model-open').click();
      await dialog.getByText('Lâm Thị Mới').waitFor();
      // Everyone else registered in 2021: only the new member is left, and nothing is ticked yet.
      await page.getByTestId('model-save').click();
      await dialog.getByText('Chọn chi bộ hoặc ít nhất một đảng viên để đăng ký.').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await dialog.getByText('Lâm Thị Mới').click();
      await page.getByTestId('model-save').click();
      await dialog.waitFor({ state: 'hidden' });
      const model = await secretary.get<HouseholdModelCell>(
        `/yearly/household-model?cellId=${cellId}&year=2024`,
      );
      expect(model.members.find((m) => m.fullName === 'Lâm Thị Mới')?.registeredOn).toBe('2024-12-31');
      expect(model.members.every((m) => m.registeredOn !== null)).toBe(true);
    } finally {
      await phone.close();
    }

    const desktop = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const commune = await desktop.newPage();
    try {
      await logIn(commune, server.url, 'bithu.thanhloc');
      await commune.goto(`${server.url}/four-good?year=2024`);
      const row = commune.getByTestId('four-good-row').filter({ hasText: 'Chi bộ ấp Thạnh An' });
      await row.getByTestId('four-good-judge').click();
      const dialog = commune.getByRole('dialog');
      const checkboxes = dialog.getByRole('checkbox');
      for (const i of [0, 1, 2]) await checkboxes.nth(i).check();
      await expect.poll(() => commune.getByTestId('four-good-preview').textContent()).toContain('3/4');
      await checkboxes.nth(3).check();
      await expect.poll(() => commune.getByTestId('four-good-preview').textContent()).toContain('Đạt 4 tốt');
      await commune.getByTestId('four-good-save').click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('Đạt 4 tốt').waitFor();
      const board = await leader.get<FourGoodBoard>(`/yearly/four-good?unitId=${cellId}&year=2024`);
      expect(board.rows[0]?.registration).toMatchObject({ registeredOn: '2024-12-31', achieved: true });
    } finally {
      await desktop.close();
    }
  });
});
