import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { todayInVietnam, type HouseholdSummary, type Page as ListPage } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { chooseOption, openFromBell, petitionInState, takeStep } from './support/petition-ui.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { horizontalOverflow, logIn } from './support/ui.js';

/**
 * A member takes a petition from one of their households on a phone and sends
 * it to the cell; the cell sends it to the commune committee, whose leader
 * acknowledges and answers it; the member brings the answer back, the
 * household is satisfied and the petition closes.
 */
describe('a petition from the household to the commune and back', () => {
  let server: TestServer;
  let browser: Browser;
  let household: HouseholdSummary;
  let cellId: number;
  let communeId: number;
  let petitionId = '';
  const title = 'Đường đất trước nhà bị sạt lở';
  const answer = 'Xã đã đưa đoạn đường vào kế hoạch gia cố trong tháng tới.';

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    const member = await ApiSession.login(server.url, 'dangvien.thanhan', 'caunoi-demo-2023');
    const households = await member.get<ListPage<HouseholdSummary>>('/households?limit=1');
    household = households.items[0]!;
    cellId = member.user.scopeUnitId;
    const leader = await ApiSession.login(server.url, 'bithu.thanhloc', 'caunoi-demo-2023');
    communeId = leader.user.scopeUnitId;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    return { context, page: await context.newPage() };
  }

  async function desktop(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    return { context, page: await context.newPage() };
  }

  it('the member takes the petition on a phone and sends it to the cell', async () => {
    const { context, page } = await phone();
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.goto(`${server.url}/households/${household.id}`);
      await page.getByTestId('household-petitions').waitFor();
      await page.getByTestId('new-petition-button').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await page.waitForTimeout(300);
      await dialog.getByTestId('petition-title-input').fill(title);
      await dialog
        .getByTestId('petition-content-input')
        .fill('Sau mưa lớn, đoạn đường đất trước nhà bị sạt, xe máy không qua được. Hộ đề nghị xã gia cố.');
      await chooseOption(page, dialog.getByTestId('petition-category'), 'Hạ tầng');
      await dialog.getByTestId('petition-submit').click();
      await page.waitForURL((url) => /^\/petitions\/[0-9a-f-]{36}$/.test(url.pathname));
      petitionId = new URL(page.url()).pathname.split('/').at(-1)!;
      await petitionInState(page, 'received').waitFor();
      await expect(page.getByTestId('petition-title').textContent()).resolves.toBe(title);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await takeStep(page, 'forward', 'forwarded', async (d) => {
        await d.getByRole('radio', { name: /Chi bộ ấp Thạnh An/ }).check();
        await d.getByTestId('action-note').fill('Nhờ chi bộ xem xét, báo cáo lên xã');
      });
      await expect(page.getByTestId('petition-holder').textContent()).resolves.toContain(
        'Chi bộ ấp Thạnh An',
      );
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('the cell secretary finds it under the bell and sends it to the commune committee', async () => {
    const { context, page } = await desktop();
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await expect
        .poll(() => page.getByTestId('notification-bell').getAttribute('data-waiting'), { timeout: 15_000 })
        .not.toBe('0');
      await openFromBell(page, petitionId);
      await petitionInState(page, 'forwarded').waitFor();
      await takeStep(page, 'forward', 'forwarded', async (d) => {
        await d.getByRole('radio', { name: /Đảng bộ xã Thạnh Hưng/ }).check();
      });
      await expect(page.getByTestId('petition-holder').textContent()).resolves.toContain(
        'Đảng bộ xã Thạnh Hưng',
      );
      // The cell can no longer act for the commune.
      await expect(page.getByTestId('action-acknowledge').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('the commune leader acknowledges and answers it', async () => {
    const { context, page } = await desktop();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await openFromBell(page, petitionId);
      await takeStep(page, 'acknowledge', 'acknowledged');
      await takeStep(page, 'answer', 'answered', async (d) => {
        await d.getByTestId('answer-text').fill(answer);
      });
      await expect(page.getByTestId('petition-answer').textContent()).resolves.toBe(answer);
    } finally {
      await context.close();
    }
  });

  it('the member relays the answer; the household is satisfied and the petition closes', async () => {
    const { context, page } = await phone();
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await openFromBell(page, petitionId);
      await petitionInState(page, 'answered').waitFor();
      await takeStep(page, 'relay', 'relayed', async (d) => {
        await d.getByTestId('action-note').fill('Đã đến nhà báo kết quả cho chủ hộ');
      });
      await takeStep(page, 'close', 'closed');
      await expect(page.getByTestId('petition-actions').count()).resolves.toBe(0);
      const steps = await page
        .getByTestId('petition-step')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
      expect(steps).toEqual(['create', 'forward', 'forward', 'acknowledge', 'answer', 'relay', 'close']);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // The household's page lists it, closed.
      await page.goto(`${server.url}/households/${household.id}`);
      const row = page.locator(`[data-testid="petition-row"][data-petition-id="${petitionId}"]`);
      await row.waitFor();
      await expect(row.getAttribute('data-state')).resolves.toBe('closed');
    } finally {
      await context.close();
    }
  });

  it('the commune sees it in its figures and exports them to Excel', async () => {
    const { context, page } = await desktop();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.goto(`${server.url}/petitions/figures?unitId=${communeId}`);
      await page.getByTestId('petition-figures').waitFor();
      // The page opens on the year so far; the demo's petitions count there with the one taken above.
      const today = todayInVietnam();
      const api = await page.request.get(
        `${server.url}/api/v1/petitions/figures?unitId=${communeId}&from=${today.slice(0, 4)}-01-01&to=${today}`,
      );
      const { received } = (await api.json()) as { received: number };
      expect(received).toBeGreaterThanOrEqual(1);
      await expect(page.getByTestId('petition-figure-received').textContent()).resolves.toContain(
        String(received),
      );
      await page.getByTestId('petition-category-chart').locator('canvas').waitFor();
      const href = await page.getByTestId('figures-excel').getAttribute('href');
      const file = await page.request.get(`${server.url}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain('spreadsheetml');
      // The cell's list holds it too.
      await page.goto(`${server.url}/petitions?unitId=${cellId}&state=closed`);
      await page.locator(`[data-testid="petition-row"][data-petition-id="${petitionId}"]`).waitFor();
    } finally {
      await context.close();
    }
  });
});
