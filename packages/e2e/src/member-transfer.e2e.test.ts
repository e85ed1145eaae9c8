import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type {
  Assignment,
  HandoverProposal,
  Member,
  Page as ListPage,
  TransferDestinations,
} from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * The commune secretary transfers a member out of the system (chuyển sinh
 * hoạt đảng) on a phone and, on the same screen, hands the member's
 * households to two other members of the cell; the confirmation says what
 * will happen in words, and afterwards each household has its new member.
 */
describe('transferring a member out and handing over their households', () => {
  let server: TestServer;
  let browser: Browser;
  let leader: ApiSession;
  let leaving: Member;
  let proposal: HandoverProposal;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    leader = await ApiSession.login(server.url, 'bithu.thanhloc', demoPassword);
    const thanhAn = await leader.get<ListPage<{ id: number; kind: string }>>(
      `/units?q=${encodeURIComponent('Thạnh An')}&kind=cell`,
    );
    const cellId = thanhAn.items.find((u) => u.kind === 'cell')!.id;
    const members = await leader.get<ListPage<Member>>(`/members?unitId=${cellId}&limit=200`);
    const candidate = members.items.find((m) => m.role === 'member' && !m.exempt && m.householdCount >= 3);
    if (!candidate) throw new Error('no member of Thạnh An following three households');
    leaving = candidate;
    proposal = await leader.get<HandoverProposal>(`/members/${leaving.id}/handover`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Chooses a member in one household's select by typing the name and pressing Enter. */
  async function handTo(page: Page, row: number, name: string): Promise<void> {
    const select = page.getByTestId('handover-select').nth(row);
    // Typed and chosen with Enter (the list is filtered as one types): a click on an option can
    // land on a list being replaced, or on one opened upwards over the row above near the page's end.
    await expect
      .poll(
        async () => {
          if (((await select.textContent()) ?? '').includes(name)) return true;
          await page.keyboard.press('Escape');
          await select.click();
          await page.keyboard.type(name);
          await page
            .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
            .filter({ hasText: name })
            .first()
            .waitFor({ timeout: 5_000 })
            .catch(() => undefined);
          await page.keyboard.press('Enter');
          return false;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  }

  it('hands the households to two members and transfers the member out in one screen', async () => {
    const households = proposal.households;
    const takers = proposal.candidates.filter((c) => c.cellId === households[0]!.cellId);
    // Two members with names no other candidate's name contains, so typing one picks exactly it.
    const distinct = takers.filter((c) => !takers.some((o) => o !== c && o.fullName.includes(c.fullName)));
    const [first, second] = distinct;
    if (!first || !second) throw new Error('two members to hand households to');
    const half = Math.ceil(households.length / 2);

    const context = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.goto(`${server.url}/members/${leaving.id}`);
      await page.getByTestId('action-transfer').click();
      await page.waitForURL((url) => url.pathname === `/members/${leaving.id}/transfer`);

      await page.getByLabel('Ra ngoài hệ thống').check();
      await page.getByTestId('lifecycle-organisation').fill('Đảng bộ phường Rạch Giá');
      await page.getByTestId('lifecycle-reason').fill('Chuyển công tác về thành phố');
      await expect.poll(() => page.getByTestId('handover-row').count()).toBe(households.length);
      for (let i = 0; i < households.length; i++)
        await handTo(page, i, i < half ? first.fullName : second.fullName);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.getByTestId('lifecycle-submit').click();
      const confirmText = page.getByTestId('lifecycle-confirm-text');
      await confirmText.waitFor();
      const said = (await confirmText.textContent()) ?? '';
      expect(said).toContain(`Chuyển ${leaving.fullName} sang Đảng bộ phường Rạch Giá từ ngày`);
      expect(said).toContain(`Giao ${half} hộ cho ${first.fullName}.`);
      expect(said).toContain(`Giao ${households.length - half} hộ cho ${second.fullName}.`);
      await page.getByTestId('lifecycle-confirm-ok').click();

      await page.waitForURL((url) => url.pathname === `/members/${leaving.id}`);
      await page.getByText('Đã thôi sinh hoạt từ').waitFor();
      await page.getByTestId('member-events').getByText('Chuyển sinh hoạt đảng').waitFor();
    } finally {
      await context.close();
    }

    // Each household now has the member chosen for it, from today.
    for (const [i, h] of households.entries()) {
      const history = await leader.get<ListPage<Assignment>>(`/assignments?householdId=${h.householdId}`);
      const current = history.items.find((a) => a.endDate === null);
      expect(current?.memberId, h.code).toBe(i < half ? first.memberId : second.memberId);
      expect(history.items.some((a) => a.memberId === leaving.id && a.endDate !== null)).toBe(true);
    }
    const after = await leader.get<Member>(`/members/${leaving.id}`);
    expect(after.leftKind).toBe('transferred_out');
  });

  it('transfers a member to a cell of another commune, chosen in the picker', async () => {
    const thanhAn = await leader.get<ListPage<{ id: number; kind: string }>>(
      `/units?q=${encodeURIComponent('Thạnh An')}&kind=cell`,
    );
    const cellId = thanhAn.items.find((u) => u.kind === 'cell')!.id;
    const members = await leader.get<ListPage<Member>>(`/members?unitId=${cellId}&limit=200`);
    const mover = members.items
      .filter((m) => m.id !== leaving.id && m.role === 'member' && m.activeTo === null)
      .sort((a, b) => a.householdCount - b.householdCount)[0]!;
    // Hòa Thuận's cells are outside the commune leader's scope; the transfer still reaches them.
    const { cells } = await leader.get<TransferDestinations>(`/members/${mover.id}/transfer-destinations`);
    const destination = cells.find((c) => !c.sameOrganisation)!;

    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.goto(`${server.url}/members/${mover.id}/transfer`);
      const select = page.getByTestId('lifecycle-cell');
      await select.click();
      await page.keyboard.type(destination.code);
      await page
        .locator('.ant-select-item-option:visible', { hasText: destination.name })
        .first()
        .click({ force: true });
      await expect.poll(async () => (await select.textContent()) ?? '').toContain(destination.name);
      await page.getByTestId('lifecycle-reason').fill('Về sinh hoạt nơi cư trú mới');
      await expect.poll(() => page.getByTestId('handover-row').count()).toBe(mover.householdCount);
      await page.getByTestId('lifecycle-submit').click();
      const confirmText = page.getByTestId('lifecycle-confirm-text');
      await confirmText.waitFor();
      expect(await confirmText.textContent()).toContain(`Chuyển ${mover.fullName} sang ${destination.name}`);
      await page.getByTestId('lifecycle-confirm-ok').click();
      await page.waitForURL((url) => url.pathname === `/members/${mover.id}`);
    } finally {
      await context.close();
    }
    const after = await leader.get<Member>(`/members/${mover.id}`);
    expect(after.leftKind).toBe('transferred');
    expect(after.movedToId).not.toBeNull();
  });
});
