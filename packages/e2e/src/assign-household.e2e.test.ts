import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HouseholdSummary, UserSummary } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { findHouseholdOfOtherCell, findTransferCase, type TransferCase } from './support/scenario-data.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import {
  demoPassword,
  horizontalOverflow,
  householdRow,
  logIn,
  logOut,
  searchHouseholds,
} from './support/ui.js';

/**
 * The cell secretary finds a household by typing its head's name without
 * accents, transfers it to another member of the cell, and that member, on a
 * phone, sees it among their households and cannot reach a household of
 * another cell, by search or by address.
 */
describe('assigning a household to a party member', () => {
  let server: TestServer;
  let browser: Browser;
  let transfer: TransferCase;
  let otherCellHousehold: HouseholdSummary;
  const memberAccount = { username: `dv.e2e.${Date.now().toString(36)}`, password: 'e2e-mat-khau-2026' };

  beforeAll(async () => {
    // The browser first: a missing Chromium should fail before the demo is seeded.
    browser = await launchChromium();
    server = await startTestServer();
    const secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
    transfer = await findTransferCase(secretary);
    const committee = await ApiSession.login(server.url, 'bantochuc', demoPassword);
    otherCellHousehold = await findHouseholdOfOtherCell(committee);
    // The member gets an account of their own, made by the committee staff.
    await committee.post<UserSummary>('/users', {
      username: memberAccount.username,
      password: memberAccount.password,
      displayName: transfer.target.fullName,
      role: 'member',
      scopeUnitId: secretary.user.scopeUnitId,
      memberId: transfer.target.id,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the cell secretary finds the household without accents and transfers it', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.getByTestId('nav-households').click();
      await page.waitForURL((url) => url.pathname === '/households');

      await searchHouseholds(page, transfer.foldedQuery);
      const row = householdRow(page, transfer.household.id);
      await expect(row.textContent()).resolves.toContain(transfer.household.headName);
      await row.getByTestId('household-link').click();
      await page.waitForURL((url) => url.pathname === `/households/${transfer.household.id}`);
      await expect(page.getByTestId('current-member-name').textContent()).resolves.toBe(
        transfer.household.assignedMemberName,
      );

      await page.getByTestId('assign-button').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The member list opens once the dialog has finished its opening animation.
      await page.waitForTimeout(400);
      await dialog.getByTestId('member-select').click();
      await page.keyboard.type(transfer.target.fullName.split(' ').at(-1) ?? transfer.target.fullName);
      // The list is searched as one types: under load a click can land on a list being
      // replaced and choose nothing, so click the option until the select shows the choice.
      const targetOption = page.locator(
        `[data-testid="member-option"][data-member-id="${transfer.target.id}"]`,
      );
      await expect
        .poll(
          async () => {
            const chosen = (await dialog.getByTestId('member-select').textContent()) ?? '';
            if (chosen.includes(transfer.target.fullName)) return true;
            if (await targetOption.isVisible()) await targetOption.click();
            else await dialog.getByTestId('member-select').click();
            return false;
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await dialog.getByTestId('assign-reason').fill('Chia lại hộ theo tổ');
      await dialog.getByTestId('assign-submit').click();
      await dialog.waitFor({ state: 'hidden' });

      await expect
        .poll(() => page.getByTestId('current-member-name').textContent(), { timeout: 15_000 })
        .toBe(transfer.target.fullName);
      // The old assignment is ended, not erased: both stay in the history.
      await expect
        .poll(() => page.getByTestId('assignment-history-item').count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(2);

      await logOut(page);
    } finally {
      await context.close();
    }
  });

  it('the member sees the household on a phone and nothing of another cell', async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, memberAccount.username, memberAccount.password);
      // A member lands on the worklist; their households are one link away.
      await page.waitForURL((url) => url.pathname === '/worklist');
      await page.goto(`${server.url}/households`);
      await page.getByRole('heading', { name: 'Hộ tôi phụ trách' }).waitFor();

      await searchHouseholds(page, transfer.household.code);
      await householdRow(page, transfer.household.id).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // A household of Thạnh Hiệp: the search finds nothing ...
      await searchHouseholds(page, otherCellHousehold.code);
      await expect(page.getByTestId('household-row').count()).resolves.toBe(0);
      await page.getByText('Không tìm thấy hộ gia đình phù hợp.').waitFor();

      // ... and its address answers "not found", as if it did not exist.
      await page.goto(`${server.url}/households/${otherCellHousehold.id}`);
      await page.getByTestId('not-found').waitFor();
      await expect(page.getByTestId('not-found').textContent()).resolves.toContain(
        'Không tìm thấy hộ gia đình',
      );

      // Their own household opens, without the secretary's actions.
      await page.goto(`${server.url}/households/${transfer.household.id}`);
      await expect(page.getByTestId('household-head').textContent()).resolves.toBe(
        transfer.household.headName,
      );
      await expect(page.getByTestId('assign-button').count()).resolves.toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
