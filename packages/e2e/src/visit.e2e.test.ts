import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { todayInVietnam, type Page, type Visit, type Worklist, type WorklistItem } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * A member opens the app on a phone, lands on the worklist, logs a visit to an
 * overdue household with one tap and a short note, and the household moves
 * from "overdue" to "visited"; the server holds exactly that visit.
 */
describe('logging a visit from the worklist on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let member: ApiSession;
  let overdue: WorklistItem;
  let overdueBefore: number;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    member = await ApiSession.login(server.url, 'dangvien.thanhan', demoPassword);
    const list = await member.get<Worklist>('/worklist');
    const first = list.overdue[0];
    if (!first) throw new Error('the demo member has no overdue household');
    overdue = first;
    overdueBefore = list.overdue.length;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the household leaves the overdue list', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const note = 'Chị chủ hộ khỏe, đã nộp hồ sơ vay vốn Ngân hàng Chính sách xã hội.';
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.waitForURL((url) => url.pathname === '/worklist');
      const item = (section: string) =>
        page.locator(
          `[data-testid="${section}"] [data-testid="worklist-item"][data-household-id="${overdue.householdId}"]`,
        );
      await item('worklist-overdue').waitFor();
      await expect(page.getByTestId('worklist-count-overdue').textContent()).resolves.toContain(
        `Quá hạn: ${overdueBefore}`,
      );
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await item('worklist-overdue').getByTestId('worklist-log').click();
      const sheet = page.getByRole('dialog');
      await sheet.waitFor();
      // Controls take taps once the sheet has slid in.
      await page.waitForTimeout(400);
      await expect(sheet.getByTestId('visit-household').textContent()).resolves.toContain(overdue.headName);
      await sheet.getByTestId('visit-kind-home_visit').click();
      await sheet.getByTestId('visit-notes').fill(note);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByTestId('visit-submit').click();
      await sheet.waitFor({ state: 'hidden' });

      await item('worklist-visited').waitFor();
      await expect(item('worklist-overdue').count()).resolves.toBe(0);
      await expect(page.getByTestId('worklist-count-overdue').textContent()).resolves.toContain(
        `Quá hạn: ${overdueBefore - 1}`,
      );
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // What the server holds: one visit of today, by this member, with the note.
      const visits = await member.get<Page<Visit>>(
        `/visits?householdId=${overdue.householdId}&from=${todayInVietnam()}`,
      );
      expect(visits.items.map((v) => ({ kind: v.kind, notes: v.notes, memberId: v.memberId }))).toEqual([
        { kind: 'home_visit', notes: note, memberId: member.user.memberId },
      ]);
      const after = await member.get<Worklist>('/worklist');
      expect(after.overdue.map((i) => i.householdId)).not.toContain(overdue.householdId);
      expect(after.visited.map((i) => i.householdId)).toContain(overdue.householdId);
    } finally {
      await context.close();
    }
  });

  it('the same visit again is not stored without asking; "Vẫn ghi" stores it', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const countToday = async () =>
      (await member.get<Page<Visit>>(`/visits?householdId=${overdue.householdId}&from=${todayInVietnam()}`))
        .items.length;
    try {
      const before = await countToday();
      expect(before).toBe(1);
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.waitForURL((url) => url.pathname === '/worklist');
      const item = page.locator(
        `[data-testid="worklist-visited"] [data-testid="worklist-item"][data-household-id="${overdue.householdId}"]`,
      );
      await item.getByTestId('worklist-log').click();
      const sheet = page.getByRole('dialog');
      await sheet.waitFor();
      await page.waitForTimeout(400);
      await sheet.getByTestId('visit-kind-home_visit').click();
      await page.getByTestId('visit-submit').click();
      await expect
        .poll(() => sheet.getByTestId('visit-duplicate').textContent())
        .toContain('Có thể đã ghi lần thăm này');
      expect(await countToday()).toBe(before);

      await sheet.getByTestId('visit-duplicate-confirm').click();
      await sheet.waitFor({ state: 'hidden' });
      await expect.poll(countToday).toBe(before + 1);
    } finally {
      await context.close();
    }
  });
});
