import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  dayBefore,
  todayInVietnam,
  type Household,
  type HouseholdSummary,
  type Page as ListPage,
  type Unit,
  type UnitDetail,
} from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { logIn, demoPassword } from './support/ui.js';

/**
 * A household's changes through the web, by the party committee's staff: it
 * moves to another hamlet, part of it splits off as a new household, and that
 * household later merges back. Each step is confirmed in words, and the book
 * of each household then shows every event in its history.
 */
describe('a household moves to another hamlet, splits and merges back', () => {
  let server: TestServer;
  let browser: Browser;
  let leader: ApiSession;
  let household: Household;
  let thanhHiep: UnitDetail;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    leader = await ApiSession.login(server.url, 'bantochuc', demoPassword);
    const cells = await leader.get<ListPage<Unit>>(`/units?q=${encodeURIComponent('Thạnh')}&kind=cell`);
    const thanhAn = cells.items.find((u) => u.name === 'Chi bộ ấp Thạnh An')!;
    thanhHiep = await leader.get<UnitDetail>(
      `/units/${cells.items.find((u) => u.name === 'Chi bộ ấp Thạnh Hiệp')!.id}`,
    );
    const list = await leader.get<ListPage<HouseholdSummary>>(`/households?unitId=${thanhAn.id}&limit=40`);
    // A household of Thạnh An with someone besides the head, who can split off.
    for (const summary of list.items) {
      const detail = await leader.get<Household>(`/households/${summary.id}`);
      if (detail.people.some((p) => p.relation !== 'head')) {
        household = detail;
        break;
      }
    }
    if (!household) throw new Error('no household of Thạnh An with two people');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** `days` days before today, counted in Vietnam. */
  const daysAgo = (days: number) => {
    let date = todayInVietnam();
    for (let i = 0; i < days; i++) date = dayBefore(date);
    return date;
  };

  /**
   * Fills the dialog's date and reason, submits, reads the confirmation and confirms it. Each
   * change must follow the household's previous one: the steps are dated some days apart.
   */
  async function confirmDialog(
    page: Page,
    dialog: Locator,
    date: string,
    reason: string,
    says: string,
  ): Promise<void> {
    await dialog.getByLabel('Có hiệu lực từ ngày').fill(date);
    await dialog.getByRole('textbox', { name: 'Lý do' }).fill(reason);
    await page.getByTestId('lifecycle-submit').click();
    const confirm = page.locator('.ant-popconfirm:visible');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(says);
    await confirm.getByRole('button', { name: 'Xác nhận' }).click();
    // The dialog is unmounted only once the server has stored the change (it stays open on a
    // refusal), so its submit button leaving the page is the sign. (The dialog's own test id sits
    // on a wrapper Playwright never counts as visible: waiting for it to hide proves nothing.)
    await page.getByTestId('lifecycle-submit').waitFor({ state: 'detached', timeout: 30_000 });
  }

  async function timelineOf(page: Page, id: string): Promise<string> {
    await page.goto(`${server.url}/households/${id}`);
    await page.getByTestId('timeline-item').first().waitFor();
    return page.getByTestId('book-timeline').innerText();
  }

  it('moves, splits and merges through the lifecycle card, each event in the book', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bantochuc');
      await page.goto(`${server.url}/households/${household.id}`);
      await page.getByTestId('household-lifecycle').waitFor();

      // 1. Move to the hamlet of Thạnh Hiệp: the cell is chosen in the tree, its branch opened level by level.
      await page.getByTestId('lifecycle-move').click();
      let dialog = page.getByTestId('lifecycle-dialog');
      await dialog.getByTestId('lifecycle-cell').click();
      for (const ancestor of thanhHiep.ancestors) {
        const named = page.locator('.ant-select-tree-treenode', {
          has: page.locator('.ant-select-tree-title', { hasText: ancestor.name }),
        });
        await named.first().waitFor({ timeout: 20_000 });
        // Open every branch of that name (two units may share one today: the demo's generated old
        // xã Thạnh Hưng beside the new one), clicking again until each is open: a click that lands
        // while the tree is redrawn after another branch loaded can be lost.
        await expect
          .poll(
            async () => {
              let closed = 0;
              for (let i = 0; i < (await named.count()); i++) {
                const switcher = named.nth(i).locator('.ant-select-tree-switcher_close');
                if ((await switcher.count()) === 0) continue;
                closed++;
                await switcher.click({ timeout: 2_000 }).catch(() => undefined);
              }
              return closed;
            },
            { timeout: 20_000 },
          )
          .toBe(0);
      }
      await page.locator('.ant-select-tree-title', { hasText: 'Chi bộ ấp Thạnh Hiệp' }).first().click();
      await confirmDialog(page, dialog, daysAgo(20), 'Cả hộ dọn về ấp Thạnh Hiệp', household.code);
      await expect
        .poll(async () => (await leader.get<Household>(`/households/${household.id}`)).cellId)
        .toBe(thanhHiep.id);

      // 2. Split: one person forms a new household with a code of its own, and is its head.
      const person = household.people.find((p) => p.relation !== 'head')!;
      const newCode = `${household.code}.T`;
      await page.getByTestId('lifecycle-split').click();
      dialog = page.getByTestId('lifecycle-dialog');
      await dialog.getByLabel(person.fullName).check();
      await dialog.getByLabel('Chủ hộ mới').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: person.fullName })
        .first()
        .click();
      await dialog.getByLabel('Mã hộ mới').fill(newCode);
      await confirmDialog(page, dialog, daysAgo(10), 'Con lập gia đình, ra ở riêng', newCode);
      // The new household lives where the first one does now: in Thạnh Hiệp.
      const found = await leader.get<ListPage<HouseholdSummary>>(
        `/households?unitId=${thanhHiep.id}&limit=200`,
      );
      const splitId = found.items.find((h) => h.code === newCode)?.id;
      expect(splitId, `no household ${newCode} in Thạnh Hiệp`).toBeDefined();
      const split = await leader.get<Household>(`/households/${splitId!}`);
      expect(split.people.map((p) => p.fullName)).toEqual([person.fullName]);

      // 3. The new household merges back into the first one, found by its code.
      await page.goto(`${server.url}/households/${splitId!}`);
      await page.getByTestId('household-lifecycle').waitFor();
      await page.getByTestId('lifecycle-merge').click();
      dialog = page.getByTestId('lifecycle-dialog');
      await dialog.getByLabel('Mã hộ nhận nhập').fill(household.code);
      await dialog.getByText(household.headName).waitFor();
      await confirmDialog(page, dialog, todayInVietnam(), 'Về ở chung với cha mẹ', household.code);

      const first = await timelineOf(page, household.id);
      expect(first).toContain('Chuyển hộ (trong xã)');
      expect(first).toContain('Tách hộ (hộ mới)');
      expect(first).toContain('Nhập hộ (hộ khác nhập vào)');
      const second = await timelineOf(page, splitId!);
      expect(second).toContain('Tách từ hộ');
      expect(second).toContain('Nhập vào hộ khác');
      expect((await leader.get<Household>(`/households/${splitId!}`)).lifecycle.status).toBe('ended');
    } finally {
      await context.close();
    }
  });
});
