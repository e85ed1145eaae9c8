import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { dayBefore, todayInVietnam, type CoverageReport, type Unit, type UnitDetail } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { chooseOption } from './support/petition-ui.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

const vn = new Intl.NumberFormat('vi-VN');
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/** Types a unit's name into a unit picker of the plan form and takes the cell of that name. */
async function pickUnit(page: Page, select: Locator, search: string, option: string): Promise<void> {
  // A single picker the form has already filled (the merge's receiving unit, once it is among the
  // merged units) holds the choice: clicking its selected option again only reopens the list.
  if (((await select.textContent()) ?? '').includes(option)) return;
  await select.click();
  await page.keyboard.type(search);
  // The option list is animated and re-rendered as the search answers; a click that waits for it
  // to hold still can wait forever on a busy machine, so the visible option is clicked as it is.
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click({ force: true });
  await page.keyboard.press('Escape');
}

async function typeDate(page: Page, picker: Locator, iso: string): Promise<void> {
  await picker.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(ddmmyyyy(iso));
  await page.keyboard.press('Enter');
}

/** The plan's title and the decision it carries out (taken today by the commune's standing board). */
async function fillDecision(page: Page, title: string, today: string): Promise<void> {
  await page.getByTestId('plan-title').fill(title);
  await page.getByTestId('plan-decision-number').fill('125-QĐ/ĐU');
  await typeDate(page, page.getByTestId('plan-decision-date'), today);
  await page.getByTestId('plan-decision-issuer').fill('Ban Thường vụ Đảng ủy xã Thạnh Lộc');
}

/**
 * An administrator merges two hamlet cells of Thạnh Lộc by decision of the
 * commune's standing board: composes the merge, reads the figures before and
 * after in the preview, confirms the sentence that says what will happen, and
 * applies it. The receiving cell then carries both cells' members and
 * households; the ended cell names its successor; the commune's coverage for
 * the day before lists both cells, or only the receiving one in today's boundaries.
 */
describe('restructuring: an administrator merges two cells', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiSession;
  let receiving: UnitDetail;
  let merged: UnitDetail;

  const cell = async (name: string): Promise<UnitDetail> => {
    const found = await admin.get<{ items: Unit[] }>(`/units?q=${encodeURIComponent(name)}&kind=cell`);
    const unit = found.items.find((u) => u.name === name && u.validTo === null);
    if (!unit) throw new Error(`no current cell ${name}`);
    return admin.get<UnitDetail>(`/units/${unit.id}`);
  };

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    admin = await ApiSession.login(server.url, 'admin', demoPassword);
    receiving = await cell('Chi bộ ấp Thạnh Thắng');
    merged = await cell('Chi bộ ấp Thạnh Vinh');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits a phone: the plan form and its preview do not scroll sideways', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'admin');
      await page.goto(`${server.url}/restructure`);
      await page.getByTestId('op-0').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await fillDecision(page, 'Sáp nhập chi bộ ấp Thạnh Vinh vào chi bộ ấp Thạnh Thắng', todayInVietnam());
      await pickUnit(page, page.getByTestId('op-0-units'), 'Thạnh Vinh', 'Chi bộ ấp Thạnh Vinh');
      await pickUnit(page, page.getByTestId('op-0-into'), 'Thạnh Thắng', 'Chi bộ ấp Thạnh Thắng');
      await page.getByTestId('restructure-preview-button').click();
      await page.getByTestId('restructure-preview').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('refuses to dissolve a cell that still holds members and households, listing them', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'admin');
      await page.goto(`${server.url}/restructure`);
      await fillDecision(page, 'Giải thể chi bộ ấp Thạnh Hiệp', todayInVietnam());
      // Under load a click can land on the list while it opens: choose until the select shows it.
      const opSelect = page.getByTestId('op-0-op');
      await expect
        .poll(
          async () => {
            if (((await opSelect.textContent()) ?? '').includes('Giải thể')) return true;
            await chooseOption(page, opSelect, 'Giải thể');
            return false;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      await pickUnit(page, page.getByTestId('op-0-unit'), 'Thạnh Hiệp', 'Chi bộ ấp Thạnh Hiệp');
      await page.getByTestId('restructure-preview-button').click();
      const stranded = page.getByTestId('restructure-stranded');
      await stranded.waitFor();
      const text = await stranded.textContent();
      expect(text).toMatch(/Chi bộ ấp Thạnh Hiệp: [\d.]+ đảng viên/);
      expect(text).toMatch(/Chi bộ ấp Thạnh Hiệp: [\d.]+ hộ/);
      expect(await page.getByTestId('restructure-apply-button').isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('previews the merge with figures before and after, applies it, and the cell shows the sum', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    const today = todayInVietnam();
    const sum = {
      members: receiving.counts.members + merged.counts.members,
      households: receiving.counts.households + merged.counts.households,
    };
    // The demo's cells hold both members and households, so the sum differs from either part.
    expect(merged.counts.households).toBeGreaterThan(0);
    try {
      await logIn(page, server.url, 'admin');
      await page.getByTestId('nav-restructure').click();
      await page.waitForURL((url) => url.pathname === '/restructure');

      await fillDecision(page, 'Sáp nhập chi bộ ấp Thạnh Vinh vào chi bộ ấp Thạnh Thắng', today);
      await pickUnit(page, page.getByTestId('op-0-units'), 'Thạnh Vinh', 'Chi bộ ấp Thạnh Vinh');
      await pickUnit(page, page.getByTestId('op-0-into'), 'Thạnh Thắng', 'Chi bộ ấp Thạnh Thắng');

      await page.getByTestId('restructure-preview-button').click();
      const preview = page.getByTestId('restructure-preview');
      await preview.waitFor();
      const row = (code: string) => preview.locator(`[data-testid="preview-unit"][data-code="${code}"]`);
      const figure = (code: string, key: string) => row(code).getByTestId(`figure-${key}`).textContent();
      await expect(figure(receiving.code, 'households')).resolves.toBe(
        `${vn.format(receiving.counts.households)} → ${vn.format(sum.households)}`,
      );
      await expect(figure(receiving.code, 'members')).resolves.toBe(
        `${vn.format(receiving.counts.members)} → ${vn.format(sum.members)}`,
      );
      await expect(figure(merged.code, 'households')).resolves.toBe(
        `${vn.format(merged.counts.households)} → –`,
      );
      await expect(row(merged.code).textContent()).resolves.toContain('kết thúc');

      await page.getByTestId('restructure-apply-button').click();
      const confirmText = page.getByTestId('restructure-confirm-text');
      await confirmText.waitFor();
      const said = await confirmText.textContent();
      expect(said).toContain(
        `Sáp nhập Chi bộ ấp Thạnh Vinh vào Chi bộ ấp Thạnh Thắng từ ngày ${ddmmyyyy(today)}`,
      );
      expect(said).toContain(`1 đơn vị kết thúc, ${vn.format(merged.counts.households)} hộ`);
      await page.getByTestId('restructure-confirm-ok').click();
      await page.getByTestId('restructure-applied').waitFor();

      // The receiving cell's page: today's figures are the sum of both cells.
      await page.goto(`${server.url}/units/${receiving.id}`);
      const households = page.getByTestId('figure-households');
      await households.waitFor();
      await expect(households.textContent()).resolves.toContain(vn.format(sum.households));
      await expect(page.getByTestId('figure-members').textContent()).resolves.toContain(
        vn.format(sum.members),
      );
      await expect(page.getByTestId('unit-predecessors').textContent()).resolves.toContain(
        'Chi bộ ấp Thạnh Vinh',
      );

      // The ended cell names its successor, with the decision.
      await page.goto(`${server.url}/units/${merged.id}`);
      const successors = page.getByTestId('unit-successors');
      await successors.waitFor();
      const successorText = await successors.textContent();
      expect(successorText).toContain('Chi bộ ấp Thạnh Thắng');
      expect(successorText).toContain('125-QĐ/ĐU');

      // Yesterday in the structure of that day lists both cells; in today's boundaries only the receiving one, with the sum.
      const commune = receiving.ancestors.find((a) => a.kind === 'commune_committee')!;
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      await page.goto(`${server.url}/coverage?unitId=${commune.id}&date=${yesterday}`);
      const shown = page.getByTestId('coverage-boundaries-shown');
      await shown.filter({ hasText: `theo cơ cấu tổ chức tại ngày ${ddmmyyyy(yesterday)}` }).waitFor();
      const table = page.getByTestId('coverage-table');
      await expect(table.locator('tr', { hasText: 'Chi bộ ấp Thạnh Vinh' }).count()).resolves.toBe(1);
      await page.getByTestId('coverage-boundaries').getByText('Theo địa giới hiện nay').click();
      await shown.filter({ hasText: 'tính lại theo các đơn vị hiện nay' }).waitFor();
      await expect(table.locator('tr', { hasText: 'Chi bộ ấp Thạnh Vinh' }).count()).resolves.toBe(0);
      const thang = table.locator('tr', { hasText: 'Chi bộ ấp Thạnh Thắng' });
      await expect(thang.locator('td').nth(3).textContent()).resolves.toBe(vn.format(sum.households));

      // The dashboard of last month for the receiving cell: its own figures then, or both cells' in
      // today's boundaries, chosen with the switch; the page says which it shows.
      const lastMonthEnd = dayBefore(`${today.slice(0, 7)}-01`);
      const month = lastMonthEnd.slice(0, 7);
      const reAggregated = await admin.get<CoverageReport>(
        `/coverage?unitId=${receiving.id}&date=${lastMonthEnd}&boundaries=today`,
      );
      await page.goto(`${server.url}/dashboard?unitId=${receiving.id}&from=${month}&to=${month}`);
      const boardShown = page.getByTestId('dashboard-boundaries-shown');
      await boardShown
        .filter({ hasText: `theo địa giới, tổ chức tại ngày ${ddmmyyyy(lastMonthEnd)}` })
        .waitFor();
      await page.getByTestId('dashboard-boundaries').click();
      await page
        .locator('.ant-select-item-option:visible', { hasText: 'Theo địa giới hiện nay' })
        .first()
        .click({ force: true });
      await boardShown.filter({ hasText: 'tính lại theo các đơn vị hiện nay' }).waitFor();
      await expect
        .poll(() => page.getByTestId('figure-households').innerText())
        .toContain(vn.format(reAggregated.totals.households));
      expect(new URL(page.url()).searchParams.get('boundaries')).toBe('today');
    } finally {
      await context.close();
    }
  });
});
