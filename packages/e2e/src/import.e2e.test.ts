import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { UnitDetail } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, logIn, searchHouseholds } from './support/ui.js';

/**
 * The cell secretary uploads a workbook with mistakes, reads every error by
 * row and column in Vietnamese (nothing is written), fixes the file, imports
 * it, and finds the new households in the list by typing a name without accents.
 */
describe('importing households from Excel', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  let cellCode: string;

  async function writeWorkbook(name: string, rows: (string | number)[][]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Hộ gia đình');
    for (const row of rows) sheet.addRow(row);
    const path = join(dir, name);
    await book.xlsx.writeFile(path);
    return path;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'caunoi-e2e-import-'));
    const secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
    cellCode = (await secretary.get<UnitDetail>(`/units/${secretary.user.scopeUnitId}`)).code;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every error of a bad file, then imports the fixed file', async () => {
    const header = [
      'Mã hộ',
      'Họ tên chủ hộ',
      'Địa chỉ',
      'Mã chi bộ',
      'Diện hộ',
      'Thu nhập hằng tháng của hộ (đồng)',
    ];
    const bad = await writeWorkbook('ho-loi.xlsx', [
      header,
      ['HGD-E2E-001', 'Quách Thị Nhập', 'Tổ 11, ấp Thạnh An', cellCode, 'Hộ cận nghèo', '1.500.000'],
      ['HGD-E2E-002', 'Quách Văn Khẩu', 'Tổ 11, ấp Thạnh An', 'CHI-BO-KHONG-CO', 'Hộ nghèo', '2.000.000'],
      ['HGD-E2E-003', 'Quách Văn Ba', 'Tổ 12, ấp Thạnh An', cellCode, 'khá giả', '1,5 triệu'],
    ]);
    const fixed = await writeWorkbook('ho-da-sua.xlsx', [
      header,
      ['HGD-E2E-001', 'Quách Thị Nhập', 'Tổ 11, ấp Thạnh An', cellCode, 'Hộ cận nghèo', '1.500.000'],
      ['HGD-E2E-002', 'Quách Văn Khẩu', 'Tổ 11, ấp Thạnh An', cellCode, 'Hộ nghèo', '2.000.000'],
      ['HGD-E2E-003', 'Quách Văn Ba', 'Tổ 12, ấp Thạnh An', cellCode, 'Không thuộc diện', '1.500.000'],
    ]);

    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.getByTestId('nav-import').click();
      await page.waitForURL((url) => url.pathname === '/import');

      await page.locator('input[type=file]').setInputFiles(bad);
      const report = page.getByTestId('import-report');
      await report.waitFor();
      await expect.poll(() => report.textContent()).toContain('Tệp có 3 lỗi nên chưa ghi gì');
      const issues = await page.getByTestId('import-issue').allTextContents();
      // Each error echoes what was typed (issue 15).
      expect(issues).toEqual([
        'Đã nhập "CHI-BO-KHONG-CO": Không tìm thấy mã này trong tệp hoặc trong phạm vi của bạn.',
        'Đã nhập "khá giả": Giá trị không hợp lệ. Chọn một trong: Hộ nghèo (poor), Hộ cận nghèo (near_poor), Hộ có mức sống trung bình (average), Không thuộc diện (none).',
        'Đã nhập "1,5 triệu": Số tiền không hợp lệ. Viết số đồng không có phần lẻ: 1500000, 1.500.000 hoặc 1,500,000.',
      ]);
      // Each error names its row and column as the template does.
      const rows = await page.locator('[data-testid="import-issues"] tbody tr').allTextContents();
      expect(rows[0]).toContain('3');
      expect(rows[0]).toContain('Mã chi bộ');
      expect(rows[2]).toContain('Thu nhập hằng tháng của hộ (đồng)');
      await expect.poll(() => page.getByTestId('import-confirm').isDisabled()).toBe(true);

      await page.locator('input[type=file]').setInputFiles(fixed);
      await expect.poll(() => report.textContent()).toContain('Tệp hợp lệ');
      await page.getByTestId('import-confirm').click();
      const done = page.getByTestId('import-done');
      await done.waitFor({ timeout: 60_000 });
      expect(await done.textContent()).toContain('Đã nhập xong: 3 bản ghi mới');

      await page.getByTestId('nav-households').click();
      await page.waitForURL((url) => url.pathname === '/households');
      await searchHouseholds(page, 'quach van khau');
      const list = page.getByTestId('household-list');
      expect(await list.textContent()).toContain('Quách Văn Khẩu');
      expect(await list.textContent()).toContain('HGD-E2E-002');
    } finally {
      await context.close();
    }
  });
});
