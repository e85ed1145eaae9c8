import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  todayInVietnam,
  type CellReport,
  type MemberReport,
  type Page as ListPage,
  type Visit,
  type Worklist,
} from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

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

function lastMonthOf(m: string): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}

const lockedMessage = 'Tháng này của chi bộ đã được duyệt báo cáo và khóa sổ';

/**
 * The month from the member's report to the commune's approval: the member
 * of ấp Thạnh An opens this month's report on a phone (its figures counted
 * from the month's visits), writes what they did and submits it; the cell
 * secretary compiles the cell's report and sends it to the commune; the
 * commune secretary of Thạnh Lộc approves it, which locks the month: the
 * member's next visit of this month is refused with the Vietnamese message.
 * The cell's report then prints in the party's layout, read back from the PDF.
 */
describe("a month's report from the member to the commune's approval", () => {
  let server: TestServer;
  let browser: Browser;
  let member: ApiSession;
  let secretary: ApiSession;
  let leader: ApiSession;
  let visitsThisMonth: number;
  const month = todayInVietnam().slice(0, 7);
  const memberText = 'Đã thăm các hộ được phân công, hướng dẫn chị Út làm hồ sơ vay vốn hộ cận nghèo.';
  const cellText = 'Chi bộ hoàn thành việc thăm hộ trong tháng; tháng tới rà soát hộ nghèo cuối năm.';

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    member = await ApiSession.login(server.url, 'dangvien.thanhan', demoPassword);
    secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
    leader = await ApiSession.login(server.url, 'bithu.thanhloc', demoPassword);
    // A visit of today, so the month has a record of the member's to count whatever day it is.
    const worklist = await member.get<Worklist>('/worklist');
    const household = [...worklist.overdue, ...worklist.due, ...worklist.visited][0];
    if (!household) throw new Error('the demo member follows no household');
    await member.post<Visit>('/visits', {
      householdId: household.householdId,
      date: todayInVietnam(),
      kind: 'phone_call',
    });
    // Counted here from the visit list, not by the report's composition.
    const visits = await member.get<ListPage<Visit>>(
      `/visits?memberId=${member.user.memberId}&from=${month}-01&to=${todayInVietnam()}&limit=200`,
    );
    visitsThisMonth = visits.items.length;
    expect(visitsThisMonth).toBeGreaterThanOrEqual(1);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function run<T>(context: BrowserContext, name: string, steps: () => Promise<T>): Promise<T> {
    try {
      return await steps();
    } catch (error) {
      await context.pages()[0]?.screenshot({ path: `/tmp/monthly-report-${name}-failure.png` });
      throw error;
    }
  }

  it('the member submits the month on a phone, from figures counted from the records', async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      await run(context, 'member', async () => {
        await logIn(page, server.url, 'dangvien.thanhan');
        await page.goto(`${server.url}/monthly-report`);
        await expect
          .poll(() => page.getByTestId('figure-visits').textContent())
          .toBe(String(visitsThisMonth));
        await expect(page.getByTestId('report-state').textContent()).resolves.toBe('Đang soạn');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

        // Mid-month the commune's window (from the 25th by default) is not open yet: the page says when it opens.
        if (Number(todayInVietnam().slice(8)) < 25) {
          await expect(page.getByTestId('report-submit').isDisabled()).resolves.toBe(true);
          await expect
            .poll(() => page.getByTestId('report-send-opens').textContent())
            .toBe(
              `Báo cáo tháng ${Number(month.slice(5))}/${month.slice(0, 4)} gửi được từ ngày 25/${month.slice(5)}/${month.slice(0, 4)}.`,
            );
        }
        // The commune opens its window from the 1st, so the test sends this month whatever day it runs.
        await leader.patch(`/monthly-report-settings/${leader.user.scopeUnitId}`, { sendFromDay: 1 });
        await page.reload();
        await expect.poll(() => page.getByTestId('report-submit').isDisabled()).toBe(false);

        // An empty report is not sent without a word.
        await page.getByTestId('report-submit').click();
        await expect
          .poll(() => page.locator('.ant-popconfirm').textContent())
          .toContain('Báo cáo chưa có nội dung');
        await page.locator('.ant-popconfirm').getByRole('button', { name: 'Hủy' }).click();
        await page.getByTestId('report-text').fill(memberText);
        await page.getByTestId('report-submit').click();
        // Submission freezes the figures: the page asks once, saying so.
        await expect
          .poll(() => page.locator('.ant-popconfirm:visible').textContent())
          .toContain('sau khi gửi, đồng chí không sửa được nữa');
        await expect(page.locator('.ant-popconfirm:visible').textContent()).resolves.not.toContain(
          'chưa có nội dung',
        );
        await page.getByTestId('report-submit-confirm').click();
        await expect.poll(() => page.getByTestId('report-state').textContent()).toBe('Đã gửi');
        await expect(page.getByTestId('report-text').count()).resolves.toBe(0);
        await expect(page.getByText(memberText).count()).resolves.toBe(1);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      });
    } finally {
      await context.close();
    }
    const stored = await member.get<MemberReport>(`/monthly-reports/member?month=${month}`);
    expect(stored).toMatchObject({ state: 'submitted', text: memberText });
    expect(stored.figuresAt).not.toBeNull();
    expect(stored.figures.visits.made).toBe(visitsThisMonth);
  });

  it('the cell secretary compiles the cell report and sends it; the commune approves it', async () => {
    const cellId = secretary.user.scopeUnitId;
    const desk = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await desk.newPage();
    try {
      await run(desk, 'secretary', async () => {
        await logIn(page, server.url, 'bithu.thanhan');
        await page.goto(`${server.url}/cell-report`);
        const memberRow = page.getByTestId('cell-members').locator('tr', {
          hasText: (await member.get<MemberReport>(`/monthly-reports/member?month=${month}`)).memberName,
        });
        await expect.poll(() => memberRow.textContent()).toContain('Đã gửi');
        await page.getByTestId('cell-report-text').fill(cellText);
        await page.getByTestId('cell-report-submit').click();
        // Sending says who has not reported; counted here from the API, not by the page.
        const members = (
          await secretary.get<CellReport>(`/monthly-reports/cell?cellId=${cellId}&month=${month}`)
        ).members;
        const reported = members.filter((m) => m.state === 'submitted').length;
        expect(reported).toBe(1);
        await expect
          .poll(() => page.getByTestId('cell-submit-warning').textContent())
          .toBe(`Chỉ 1/${members.length} đảng viên đã gửi báo cáo.`);
        await expect(page.locator('.ant-popconfirm').textContent()).resolves.toContain(
          `Gửi báo cáo chi bộ tháng ${Number(month.slice(5))}/${month.slice(0, 4)} lên Đảng ủy xã?`,
        );
        await page.getByTestId('cell-report-submit-confirm').click();
        await expect.poll(() => page.getByTestId('report-state').first().textContent()).toBe('Đã gửi');
      });
    } finally {
      await desk.close();
    }

    const commune = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const review = await commune.newPage();
    try {
      await run(commune, 'commune', async () => {
        await logIn(review, server.url, 'bithu.thanhloc');
        await review.goto(`${server.url}/monthly-review`);
        // The demo's last month has cells' reports waiting: the page says so above this month's list.
        await expect
          .poll(() => review.getByTestId('review-waiting-last-month').textContent())
          .toMatch(/\d+ báo cáo chi bộ đang chờ duyệt/);
        const row = review.getByTestId('review-list').locator(`tr[data-row-key="${cellId}"]`);
        await expect.poll(() => row.textContent()).toContain('Đã gửi');
        // "Duyệt" locks the month: one click only asks, in words.
        await row.getByTestId(`approve-${cellId}`).click();
        await expect.poll(() => review.locator('.ant-popconfirm').textContent()).toContain('khóa sổ');
        await expect(row.textContent()).resolves.toContain('Đã gửi');
        await review.getByTestId(`approve-confirm-${cellId}`).click();
        await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('Đã duyệt');
        await expect(row.getByTestId(`approve-${cellId}`).count()).resolves.toBe(0);
      });
    } finally {
      await commune.close();
    }
    const report = await secretary.get<CellReport>(`/monthly-reports/cell?cellId=${cellId}&month=${month}`);
    expect(report).toMatchObject({
      state: 'approved',
      text: cellText,
      approvedBy: 'Bí thư Đảng ủy xã Thạnh Hưng',
    });
    expect(report.figures.visits.made).toBeGreaterThanOrEqual(visitsThisMonth);
  });

  it("the approved month is locked: the member's next visit of the month is refused in Vietnamese", async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      await run(context, 'locked', async () => {
        await logIn(page, server.url, 'dangvien.thanhan');
        await page.goto(`${server.url}/worklist`);
        await page.getByTestId('worklist-log').first().click();
        const sheet = page.getByRole('dialog');
        await sheet.waitFor();
        // Controls take taps once the sheet has slid in.
        await page.waitForTimeout(400);
        await sheet.getByTestId('visit-kind-home_visit').click();
        await page.getByTestId('visit-submit').click();
        await expect.poll(() => sheet.locator('.ant-alert-error').textContent()).toContain(lockedMessage);
      });
    } finally {
      await context.close();
    }
    const visits = await member.get<ListPage<Visit>>(
      `/visits?memberId=${member.user.memberId}&from=${month}-01&to=${todayInVietnam()}&limit=200`,
    );
    expect(visits.items).toHaveLength(visitsThisMonth);
  });

  it('prints the approved cell report in the party layout, to PDF', async () => {
    const cellId = secretary.user.scopeUnitId;
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await run(context, 'print', async () => {
        await logIn(page, server.url, 'bithu.thanhloc');
        await page.goto(`${server.url}/cell-report/print?cellId=${cellId}&month=${month}`);
        const report = page.getByTestId('cell-monthly-report');
        await report.waitFor();
        expect(await report.textContent()).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');

        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        const text = (await pdfText(new Uint8Array(pdf))).replace(/\s+/g, ' ');
        const [year, monthNumber] = [month.slice(0, 4), Number(month.slice(5, 7))];
        expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
        expect(text).toContain('ĐẢNG BỘ XÃ THẠNH HƯNG');
        expect(text).toContain('CHI BỘ ẤP THẠNH AN');
        expect(text).toMatch(/Thạnh An, ngày \d\d tháng \d+ năm \d{4}/);
        expect(text).toContain('BÁO CÁO');
        expect(text).toContain(
          `Kết quả thực hiện nhiệm vụ tháng ${monthNumber}/${year} của Chi bộ ấp Thạnh An`,
        );
        expect(text).toContain(`Lượt thăm hộ trong tháng ${await visitsMadeOfCell(cellId)}`);
        expect(text).toContain(cellText);
        expect(text).toMatch(/Nơi nhận: - Đảng ủy xã Thạnh Hưng, - Lưu chi bộ\./);
        expect(text).toMatch(/T\/M CHI BỘ BÍ THƯ/);
        // The app's frame (menu, print button) stays off the paper.
        expect(text).not.toContain('Bản in');
        expect(text).not.toContain('Duyệt báo cáo tháng');
      });
    } finally {
      await context.close();
    }
  });

  it("returning a report starts from an empty reason: a cancelled one never reaches the next cell's dialog", async () => {
    const commune = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const review = await commune.newPage();
    try {
      await run(commune, 'return-reset', async () => {
        await logIn(review, server.url, 'bithu.thanhloc');
        // Last month's cells' reports wait for the commune in the demo.
        const previous = lastMonthOf(month);
        await review.goto(`${server.url}/monthly-review?month=${previous}`);
        const returns = review.getByTestId('review-list').locator('[data-testid^="return-"]');
        await expect.poll(() => returns.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
        const dialog = review.getByRole('dialog');
        await returns.first().click();
        await dialog.getByTestId('review-return-comment').fill('Thiếu số liệu thăm hộ nghèo');
        await dialog.getByRole('button', { name: 'Hủy' }).click();
        await expect.poll(() => dialog.count()).toBe(0);
        // The next cell (or the same one again): a new return, an empty reason, and its own title.
        const next = (await returns.count()) > 1 ? returns.nth(1) : returns.first();
        await next.click();
        await expect.poll(() => dialog.getByTestId('review-return-comment').inputValue()).toBe('');
        await expect(dialog.textContent()).resolves.toContain(
          `Trả lại báo cáo tháng ${Number(previous.slice(5))}/`,
        );
        await dialog.getByRole('button', { name: 'Hủy' }).click();
      });
    } finally {
      await commune.close();
    }
  });

  async function visitsMadeOfCell(cellId: number): Promise<number> {
    const report = await secretary.get<CellReport>(`/monthly-reports/cell?cellId=${cellId}&month=${month}`);
    return report.figures.visits.made;
  }
});
