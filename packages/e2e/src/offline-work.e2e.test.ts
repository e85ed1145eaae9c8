import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  helpActionKinds,
  povertyCauses,
  todayInVietnam,
  type HelpPlan,
  type MemberReport,
  type Household,
  type Page as ListPage,
  type PetitionSummary,
  type Visit,
  type Worklist,
} from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { chooseOption } from './support/petition-ui.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, logIn } from './support/ui.js';

const lockedMessage = 'Tháng này của chi bộ đã được duyệt báo cáo và khóa sổ';

/**
 * The member's day in a hamlet without signal (issue 16): the app opened
 * once online keeps the member's households; offline it reloads, takes three
 * visits, a help action's result, a petition, an income and the month's draft, and sends each
 * exactly once when the network returns, even when an answer is lost on the
 * way. Two phones that change the same income meet as a conflict the second
 * one resolves; a visit of a month locked meanwhile comes back refused, with
 * the reason in Vietnamese.
 */
describe('the day’s work without a network', () => {
  let server: TestServer;
  let browser: Browser;
  let member: ApiSession;
  let households: { id: string; headName: string }[];
  let helpHousehold: string;
  let helpActionId: string;
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    member = await ApiSession.login(server.url, 'dangvien.thanhan', demoPassword);
    const worklist = await member.get<Worklist>('/worklist');
    households = [...worklist.overdue, ...worklist.due, ...worklist.visited].map((h) => ({
      id: h.householdId,
      headName: h.headName,
    }));
    expect(households.length).toBeGreaterThanOrEqual(4);
    // A household of the member's with a help action whose result the member records offline.
    for (const h of households) {
      const { plan } = await member.get<{ plan: HelpPlan | null }>(`/households/${h.id}/help-plan`);
      const action = plan?.actions[0];
      if (plan && action) {
        helpHousehold = h.id;
        helpActionId = action.id;
        break;
      }
    }
    if (!helpActionId) {
      const first = households[0]!;
      const plan = await member.post<HelpPlan>('/help-plans', {
        householdId: first.id,
        causes: [povertyCauses[0]],
      });
      const action = await member.post<{ id: string }>(`/help-plans/${plan.id}/actions`, {
        id: crypto.randomUUID(),
        kind: helpActionKinds[0],
      });
      helpHousehold = first.id;
      helpActionId = action.id;
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: viewports.phone,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    return { context, page: await context.newPage() };
  }

  /** Signs in online and waits until the caseload is on the phone. */
  async function openOnce(page: Page): Promise<void> {
    await logIn(page, server.url, 'dangvien.thanhan');
    await page.waitForURL((url) => url.pathname === '/worklist');
    // The app's code is on the phone once the service worker has installed its precache.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => document.documentElement.dataset.caseloadSyncedAt, undefined, {
      timeout: 60_000,
    });
    // The persister gathers writes for a second before it stores the cache.
    await page.waitForTimeout(1500);
  }

  async function openHousehold(page: Page, id: string): Promise<void> {
    await page.goto(`${server.url}/households/${id}`);
    await page.getByTestId('household-head').waitFor();
  }

  async function logVisit(page: Page, note: string): Promise<void> {
    await page.getByTestId('household-log-visit').click();
    const sheet = page.getByRole('dialog');
    await sheet.waitFor();
    // Controls take taps once the sheet has slid in.
    await page.waitForTimeout(400);
    await sheet.getByTestId('visit-kind-home_visit').click();
    await sheet.getByTestId('visit-notes').fill(note);
    await page.getByTestId('visit-submit').click();
    await sheet.waitFor({ state: 'hidden' });
  }

  async function editIncome(page: Page, amount: string): Promise<void> {
    await page.getByTestId('edit-general').click();
    await page.getByTestId('edit-general-drawer').waitFor();
    await page.getByTestId('field-monthlyIncome').fill(amount);
    await page.getByTestId('book-save').click();
    await page.getByTestId('edit-general-drawer').waitFor({ state: 'hidden' });
  }

  async function failureShot<T>(page: Page, name: string, steps: () => Promise<T>): Promise<T> {
    try {
      return await steps();
    } catch (error) {
      await page.screenshot({ path: `/tmp/offline-work-${name}-failure.png` }).catch(() => undefined);
      throw error;
    }
  }

  it('keeps three visits, a help result, a petition, an income and the draft offline; sends each once', async () => {
    const { context, page } = await phone();
    const notes = [1, 2, 3].map((n) => `Thăm hộ khi mất sóng ${n} · ${stamp}`);
    const visitHouseholds = households.slice(0, 3);
    const petitionTitle = `Đề nghị sửa cống thoát nước · ${stamp}`;
    const helpResult = `Đã hướng dẫn hộ làm hồ sơ vay vốn · ${stamp}`;
    const incomeHousehold = households[3]!;
    const reportText = `Tháng này thăm đủ các hộ, có hộ đề nghị sửa cống · ${stamp}`;
    try {
      await failureShot(page, 'offline', async () => {
        await openOnce(page);
        await context.setOffline(true);
        // A reload with no network opens the app from the phone, signed in, with the member's households.
        await page.reload();
        await page.getByTestId('offline-banner').waitFor();
        await page.getByTestId('worklist-count-overdue').waitFor();

        for (const [i, h] of visitHouseholds.entries()) {
          await openHousehold(page, h.id);
          await logVisit(page, notes[i]!);
          await expect.poll(() => page.getByTestId('queued-visit').count()).toBe(1);
        }

        await openHousehold(page, helpHousehold);
        await page.getByTestId('help-action-edit').first().click();
        await page.getByTestId('help-action-result').fill(helpResult);
        await page.getByTestId('help-action-save').click();
        await page.getByTestId('queued-help-result').waitFor();

        await openHousehold(page, visitHouseholds[0]!.id);
        await page.getByTestId('new-petition-button').click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await dialog.getByTestId('petition-title-input').fill(petitionTitle);
        await dialog
          .getByTestId('petition-content-input')
          .fill('Cống trước nhà bị nghẹt, mưa xuống nước tràn vào sân. Hộ đề nghị ấp cho nạo vét.');
        await chooseOption(page, dialog.getByTestId('petition-category'), 'Hạ tầng');
        await dialog.getByTestId('petition-submit').click();
        await page.getByTestId('queued-petition').waitFor();

        await openHousehold(page, incomeHousehold.id);
        await editIncome(page, '4200000');
        await expect.poll(() => page.getByTestId('book-income').textContent()).toBe('4.200.000 đồng');
        await page.getByTestId('household-queued').waitFor();

        // The month's draft is kept too; sending the report itself needs the network, and says so.
        await page.goto(`${server.url}/monthly-report`);
        await page.getByTestId('report-needs-network').waitFor();
        await expect(page.getByTestId('report-submit').isDisabled()).resolves.toBe(true);
        await page.getByTestId('report-text').fill(reportText);
        await page.getByTestId('report-save').click();

        await expect
          .poll(() => page.getByTestId('offline-banner').textContent())
          .toContain('7 thay đổi đang chờ gửi');
      });

      await failureShot(page, 'online', async () => {
        // The first visit reaches the server but its answer is lost: the phone sends it again.
        let lost = 0;
        await page.route('**/api/v1/visits', async (route) => {
          if (route.request().method() === 'POST' && lost === 0) {
            lost += 1;
            await route.fetch();
            await route.abort('connectionreset');
            return;
          }
          await route.continue();
        });
        await context.setOffline(false);
        await page.goto(`${server.url}/outbox`);
        await page.getByTestId('outbox-empty').waitFor({ timeout: 90_000 });
        expect(lost).toBe(1);
      });

      for (const [i, h] of visitHouseholds.entries()) {
        const visits = await member.get<ListPage<Visit>>(`/visits?householdId=${h.id}&limit=200`);
        expect(visits.items.filter((v) => v.notes === notes[i])).toHaveLength(1);
      }
      const petitions = await member.get<ListPage<PetitionSummary>>(
        `/petitions?householdId=${visitHouseholds[0]!.id}&limit=200`,
      );
      expect(petitions.items.filter((p) => p.title === petitionTitle)).toHaveLength(1);
      const { plan } = await member.get<{ plan: HelpPlan | null }>(`/households/${helpHousehold}/help-plan`);
      expect(plan?.actions.find((a) => a.id === helpActionId)?.result).toBe(helpResult);
      const book = await member.get<Household>(`/households/${incomeHousehold.id}`);
      expect(book.monthlyIncome).toBe(4_200_000);
      const report = await member.get<MemberReport>(
        `/monthly-reports/member?month=${todayInVietnam().slice(0, 7)}`,
      );
      expect(report.text).toBe(reportText);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('two phones change the same income offline: the second sees both values and chooses', async () => {
    const target = households[3]!;
    const first = await phone();
    const second = await phone();
    try {
      await failureShot(second.page, 'conflict', async () => {
        await openOnce(first.page);
        await openOnce(second.page);
        await first.context.setOffline(true);
        await second.context.setOffline(true);
        await openHousehold(first.page, target.id);
        await editIncome(first.page, '3100000');
        await openHousehold(second.page, target.id);
        await editIncome(second.page, '3200000');

        await first.context.setOffline(false);
        await expect
          .poll(async () => (await member.get<Household>(`/households/${target.id}`)).monthlyIncome, {
            timeout: 60_000,
          })
          .toBe(3_100_000);

        await second.context.setOffline(false);
        await second.page.goto(`${server.url}/outbox`);
        const conflict = second.page.getByTestId('outbox-conflict');
        await conflict.waitFor({ timeout: 60_000 });
        await expect(conflict.textContent()).resolves.toContain('3.200.000');
        await expect
          .poll(() => second.page.getByTestId('conflict-theirs-value-monthlyIncome').textContent())
          .toContain('3.100.000');
        // Who changed it, and when, beside the other value.
        await expect(conflict.textContent()).resolves.toMatch(/sửa lúc \d{2}\/\d{2}\/\d{4}/);
        await second.page.getByTestId('conflict-mine-monthlyIncome').click();
        await second.page.getByTestId('outbox-resolve').click();
        await second.page.getByTestId('outbox-empty').waitFor({ timeout: 60_000 });
      });
      const book = await member.get<Household>(`/households/${target.id}`);
      expect(book.monthlyIncome).toBe(3_200_000);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  }, 300_000);

  it('a visit of a month locked meanwhile comes back refused, with the reason, and can be discarded', async () => {
    const { context, page } = await phone();
    const month = todayInVietnam().slice(0, 7);
    const note = `Thăm sau khi tháng đã khóa · ${stamp}`;
    const h = households[4] ?? households[0]!;
    try {
      await failureShot(page, 'locked', async () => {
        await openOnce(page);
        await context.setOffline(true);
        await openHousehold(page, h.id);
        await logVisit(page, note);

        // Meanwhile the cell sends its month and the commune approves it, which locks the month.
        const secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
        const leader = await ApiSession.login(server.url, 'bithu.thanhloc', demoPassword);
        await leader.patch(`/monthly-report-settings/${leader.user.scopeUnitId}`, { sendFromDay: 1 });
        const cellId = secretary.user.scopeUnitId;
        const draft = await secretary.get<{ version: number }>(
          `/monthly-reports/cell?cellId=${cellId}&month=${month}`,
        );
        const sent = await secretary.post<{ version: number }>('/monthly-reports/cell/actions', {
          cellId,
          month,
          action: 'submit',
          text: 'Chi bộ hoàn thành việc thăm hộ trong tháng.',
          version: draft.version,
        });
        await leader.post('/monthly-reports/cell/actions', {
          cellId,
          month,
          action: 'approve',
          version: sent.version,
        });

        await context.setOffline(false);
        await page.goto(`${server.url}/outbox`);
        const item = page.locator('[data-testid="outbox-item"][data-state="refused"]');
        await item.waitFor({ timeout: 60_000 });
        await expect(item.getByTestId('outbox-reason').textContent()).resolves.toContain(lockedMessage);
        await item.getByTestId('outbox-discard').click();
        // Discarding is confirmed in words that say the change is lost.
        const confirm = page.locator('.ant-popconfirm:visible');
        await expect(confirm.textContent()).resolves.toContain('không lấy lại được');
        await confirm.getByRole('button', { name: 'Bỏ thay đổi' }).click();
        await page.getByTestId('outbox-empty').waitFor();
      });
      const visits = await member.get<ListPage<Visit>>(`/visits?householdId=${h.id}&limit=200`);
      expect(visits.items.filter((v) => v.notes === note)).toHaveLength(0);
    } finally {
      await context.close();
    }
  }, 300_000);
});
