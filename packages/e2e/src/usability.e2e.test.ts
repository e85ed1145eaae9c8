import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page as BrowserPage } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  careCategoryLabels,
  type CellReport,
  type HouseholdSummary,
  type Page,
  type PetitionSummary,
  type Worklist,
} from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * What a commune official trips over (issue 15): the member's own list, the
 * menus of each role, the landing page of a committee member who follows a
 * cell, the two dates of a petition, and the printed cell report's last page.
 */

/** The text of each page of a PDF (NFC, runs of spaces as one). */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .normalize('NFC'),
    );
  }
  await document.destroy();
  return pages;
}

/** The menu's groups and items as shown (drawer on a phone, side bar on a desktop). */
async function menu(page: BrowserPage, phone: boolean) {
  await page.locator('.app-header').waitFor();
  if (phone) await page.getByTestId('nav-toggle').click();
  await page.locator('.app-menu:visible').first().waitFor();
  return page.evaluate(() => {
    const root = Array.from(document.querySelectorAll<HTMLElement>('.app-menu')).find(
      (m) => m.offsetParent !== null,
    )!;
    return {
      groups: Array.from(root.querySelectorAll('.ant-menu-item-group-title')).map((g) => g.textContent ?? ''),
      items: Array.from(root.querySelectorAll('.ant-menu-item')).map((i) => i.textContent ?? ''),
      cut: Array.from(
        root.querySelectorAll<HTMLElement>('.ant-menu-title-content, .ant-menu-title-content a'),
      )
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent ?? ''),
    };
  });
}

describe('what a commune official trips over', () => {
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

  it("lists a member's households neediest first, in the worklist's words, without the repeated commune", async () => {
    const member = await ApiSession.login(server.url, 'dangvien.thanhan', demoPassword);
    const households = (await member.get<Page<HouseholdSummary>>('/households?limit=200')).items;
    const worklist = await member.get<Worklist>('/worklist');
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN', isMobile: true });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.goto(`${server.url}/households`);
      await page
        .locator('[data-testid="household-list"][data-loading="false"] [data-testid="household-row"]')
        .first()
        .waitFor();
      const rows = await page
        .getByTestId('household-row')
        .evaluateAll((els) =>
          els.map((el) => ({ code: el.getAttribute('data-code'), text: el.textContent ?? '' })),
        );
      expect(rows).toHaveLength(households.length);
      // The poor household first (it used to be last).
      const poor = households.filter((h) => h.povertyStatus === 'poor').map((h) => h.code);
      expect(poor.length).toBeGreaterThan(0);
      expect(
        rows
          .slice(0, poor.length)
          .map((r) => r.code)
          .sort(),
      ).toEqual(Array.from(poor).sort());
      // "xã Thạnh Lộc, huyện Giồng Riềng, tỉnh Kiên Giang" is not on every card.
      const repeated = rows.filter((r) => /huyện Giồng Riềng|tỉnh Kiên Giang/.test(r.text));
      expect(repeated).toEqual([]);
      // One vocabulary: a household the worklist calls "Hộ cần giúp đỡ" says so here too.
      for (const item of [...worklist.overdue, ...worklist.due, ...worklist.visited]) {
        if (item.category !== 'needs_help') continue;
        const row = rows.find((r) => r.code === item.code);
        if (row) expect(row.text).toContain(careCategoryLabels.needs_help.vi);
      }
      // The member filters by status.
      await page.getByTestId('filter-poverty').click();
      await page.locator('.ant-select-item-option[title="Hộ nghèo"]').click();
      await page.waitForURL((url) => url.searchParams.get('povertyStatus') === 'poor');
      await page.locator('[data-testid="household-list"][data-loading="false"]').waitFor();
      // The list keeps the previous page while the filtered one loads: wait for the count to settle.
      await expect.poll(() => page.getByTestId('household-row').count()).toBe(poor.length);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it("groups each role's menu by its work, hides what the role does not use, cuts no label", async () => {
    for (const [username, viewport, most] of [
      ['bithu.thanhan', viewports.phone, 20],
      ['bithu.thanhan', viewports.desktop, 20],
      ['bithu.thanhloc', viewports.desktop, 30],
      ['dangvien.thanhan', viewports.phone, 8],
    ] as const) {
      const context = await browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      try {
        await logIn(page, server.url, username);
        const shown = await menu(page, viewport.width < 600);
        expect(shown.cut, username).toEqual([]);
        expect(shown.items.length, username).toBeLessThanOrEqual(most);
        expect(shown.groups[0], username).toBe('Việc của tôi');
        if (username === 'bithu.thanhan') {
          expect(shown.groups).toEqual(['Việc của tôi', 'Chi bộ', 'Báo cáo, số liệu', 'Quản trị']);
          expect(shown.items).toContain('Phân công phụ trách hộ');
          expect(shown.items).not.toContain('Cơ cấu tổ chức');
          expect(shown.items).not.toContain('Báo cáo mô hình');
        }
      } finally {
        await context.close();
      }
    }
  });

  it('lands a committee member who follows a cell on the units they follow', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'capuy.thanhloc');
      await page.waitForURL((url) => url.pathname === '/oversight');
      await page.getByTestId('overseer-view').waitFor();
      await expect(page.getByTestId('overseer-view').textContent()).resolves.toContain('Thạnh An');
    } finally {
      await context.close();
    }
  });

  it("explains a petition's two dates", async () => {
    const secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
    const open = (await secretary.get<Page<PetitionSummary>>('/petitions?limit=50')).items.find(
      (p) => p.stepDueOn,
    );
    expect(open).toBeDefined();
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/petitions/${open!.id}`);
      await page.getByTestId('petition-page').waitFor();
      await expect(page.getByTestId('petition-due').textContent()).resolves.toMatch(
        /^Bước này quá hạn từ|^Hạn bước này/,
      );
      const legend = (await page.getByTestId('petition-dates-legend').textContent()) ?? '';
      expect(legend).toContain('Hạn bước này');
      expect(legend).toContain('Ngày hẹn trả lời người dân');
    } finally {
      await context.close();
    }
  });

  it('prints the cell report with the signature beside the end of the body and the secretary named', async () => {
    const secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
    const cellId = secretary.user.scopeUnitId;
    const month = '2023-11';
    const report = await secretary.get<CellReport>(`/monthly-reports/cell?cellId=${cellId}&month=${month}`);
    expect(report.signerName).toBe(secretary.user.displayName);
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.goto(`${server.url}/cell-report/print?cellId=${cellId}&month=${month}`);
      await page.getByTestId('cell-monthly-report').waitFor();
      await page.emulateMedia({ media: 'print' });
      const pages = await pdfPages(
        new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })),
      );
      // pdf.js splits letters with stacked accents ("TH Ư", "Ph ạ m"): compare without spaces.
      const last = pages.at(-1)!.replace(/\s/g, '');
      expect(last).toContain('BÍTHƯ');
      expect(last).toContain(report.signerName!.replace(/\s/g, ''));
      // The last page holds more than "Nơi nhận" and the signature: the end of the body comes with them.
      expect(last.indexOf('Nơinhận')).toBeGreaterThan(30);
    } finally {
      await context.close();
    }
  });

  it('speaks English in the month picker, the people of a book and the import guide', async () => {
    const member = await ApiSession.login(server.url, 'dangvien.thanhan', demoPassword);
    const households = (await member.get<Page<HouseholdSummary>>('/households?limit=200')).items;
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.getByTestId('language-switch').getByText('EN').click();
      await page.goto(`${server.url}/monthly-report`);
      const picker = page.getByTestId('month-select');
      await picker.waitFor();
      const shown = (await picker.textContent()) ?? '';
      expect(shown).toMatch(
        /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
      );
      // No "Già yếu" as an occupation in any of the member's books: it is a working capacity, labelled in English.
      for (const household of households) {
        const book = await member.get<{ people: { occupation: string | null }[] }>(
          `/households/${household.id}`,
        );
        expect(book.people.map((p) => p.occupation)).not.toContain('Già yếu');
      }
    } finally {
      await context.close();
    }
  });
});
