import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { todayInVietnam } from '@caunoi/domain';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { logIn } from './support/ui.js';

/** Every text item of a PDF, page by page, joined; NFC so "Đ" and "Ả" compare as typed. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await document.destroy();
  return pages.join('\n').normalize('NFC');
}

/**
 * The commune secretary of Thạnh Lộc opens the dashboard, which lands on
 * 2023 (the demo's latest year with outcomes, not an empty current year), opens the
 * households behind "out of poverty" and the indicators behind "38 / 40", then
 * the dashboard's printable page and the model report, which headless Chromium
 * prints to PDF; the PDFs' text holds the party header, the title and the figures.
 */
describe('dashboard and printed report', () => {
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

  it('drills into a figure and prints the Thạnh Lộc report to PDF', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      // No months in the address: this year, its yearly figures those of 2023 (the latest
      // review, said on the page); the drawer and the print ask the server the same way.
      await page.goto(`${server.url}/dashboard`);
      const escaped = page.getByTestId('figure-escapedPoverty');
      await expect.poll(() => escaped.textContent()).toContain('45');
      await escaped.click();
      const drawer = page.getByTestId('dashboard-records');
      await drawer.locator('tbody tr.ant-table-row').first().waitFor();
      await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBe(45);

      // A share opens its whole: the 40 indicators, 38 of them achieved.
      await page.keyboard.press('Escape');
      await page.getByTestId('figure-resolutionIndicators').click();
      await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBe(40);
      expect(await drawer.locator('tbody tr.ant-table-row', { hasText: /Đạt$/ }).count()).toBe(38);

      // The dashboard's own printable page, printed to PDF.
      await page.keyboard.press('Escape');
      await page.getByTestId('open-dashboard-report').click();
      await page.getByTestId('dashboard-report').waitFor();
      await page.emulateMedia({ media: 'print' });
      const figures = (
        await pdfText(new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true })))
      ).replace(/\s+/g, ' ');
      await page.emulateMedia({ media: 'screen' });
      expect(figures).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(figures).toContain('BÁO CÁO SỐ LIỆU');
      const today = todayInVietnam();
      expect(figures).toContain(
        `từ ngày 01/01/${today.slice(0, 4)} đến ngày ${today.split('-').reverse().join('/')}`,
      );
      expect(figures).toMatch(/Hộ thoát nghèo 45/);
      expect(figures).toMatch(/Chỉ tiêu nghị quyết đạt và vượt 38\/40/);
      expect(figures).not.toContain('Xuất Excel');

      // A figure page's printable report: help outcomes per cell, under the district's name.
      await page.goto(`${server.url}/help-plans?year=2023`);
      await page.getByTestId('open-printable').click();
      await page.getByTestId('figure-report').waitFor();
      await page.emulateMedia({ media: 'print' });
      const help = (
        await pdfText(new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true })))
      ).replace(/\s+/g, ' ');
      await page.emulateMedia({ media: 'screen' });
      // The commune's superior since the 2025 reform (districts ended on 1 July 2025).
      expect(help).toContain('ĐẢNG BỘ TỈNH AN GIANG');
      expect(help).toContain('Kết quả giúp đỡ hộ gia đình năm 2023');
      expect(help).toMatch(/Tổng cộng 45 /);

      // The poverty review's lists for the village meeting, on paper.
      await page.goto(`${server.url}/poverty/review?year=2023`);
      await page.getByTestId('open-printable').click();
      const review = page.getByTestId('figure-report');
      await review.waitFor();
      expect(await review.textContent()).toContain('Rà soát hộ nghèo, hộ cận nghèo năm 2023');
      expect(await review.locator('table').count()).toBe(3);

      await page.goto(`${server.url}/reports/model?year=2023`);
      const report = page.getByTestId('model-report');
      await report.waitFor({ timeout: 60_000 });
      expect(await report.textContent()).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');

      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      if (process.env.CAUNOI_KEEP_PDF)
        (await import('node:fs')).writeFileSync(process.env.CAUNOI_KEEP_PDF, pdf);
      const text = (await pdfText(new Uint8Array(pdf))).replace(/\s+/g, ' ');
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      // A 2023 report: the committee under its 2023 name (Thạnh Hưng since the 2025 reform), sent to today's superior.
      expect(text).toContain('ĐẢNG ỦY XÃ THẠNH LỘC');
      expect(text).toContain('Ban Thường vụ tỉnh An Giang');
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('Kết quả thực hiện mô hình đảng viên phụ trách hộ gia đình năm 2023');
      expect(text).toMatch(/Hộ nghèo 56 30/);
      expect(text).toMatch(/Hộ thoát nghèo 45/);
      expect(text).toMatch(/Thạnh Lộc, ngày \d\d tháng \d+ năm \d{4}/);
      // The app's frame (menu, toolbar) stays off the paper.
      expect(text).not.toContain('In / lưu PDF');
    } catch (error) {
      await page.screenshot({ path: '/tmp/report-print-failure.png' });
      throw error;
    } finally {
      await context.close();
    }
  });
});
