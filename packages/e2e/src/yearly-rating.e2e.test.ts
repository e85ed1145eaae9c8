import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RatingBoard } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * Year 2023 of the demo: the member of Thạnh An scores their own sheet, the
 * page shows the total and level as the points change, and the rating moves
 * to "self-assessed"; the commune secretary reads the year's targets and the
 * household model as the report gives them.
 */
describe('yearly work in the browser', () => {
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

  it('a member self-assesses on the score sheet with a live total and level, on a phone', async () => {
    const member = await ApiSession.login(server.url, 'dangvien.thanhan', demoPassword);
    const context = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.goto(`${server.url}/ratings?year=2023`);
      const before = await member.get<RatingBoard>(`/ratings?unitId=${member.user.scopeUnitId}&year=2023`);
      const name = before.rows.find((r) => r.memberId === member.user.memberId)?.memberName;
      if (!name) throw new Error('the demo member has no row on the board');
      const row = page.getByTestId('rating-row').filter({ hasText: name });
      await expect.poll(() => row.textContent()).toContain('Chưa đánh giá');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await row.getByRole('button', { name: 'Tự đánh giá' }).click();
      await page.getByTestId('score-C1').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const scores: Record<string, number> = { C1: 8, C2: 8, C3: 7, C4: 7, N1: 38, N2: 18, N3: 5 };
      for (const [code, points] of Object.entries(scores)) {
        await page.getByTestId(`score-${code}`).fill(String(points));
      }
      await expect.poll(() => page.getByTestId('score-total').textContent()).toBe('91');
      await expect
        .poll(() => page.getByTestId('score-level').textContent())
        .toBe('Hoàn thành xuất sắc nhiệm vụ');
      await page.getByTestId('score-N1').fill('30');
      await expect.poll(() => page.getByTestId('score-total').textContent()).toBe('83');
      await expect.poll(() => page.getByTestId('score-level').textContent()).toBe('Hoàn thành tốt nhiệm vụ');
      await page.getByRole('dialog').getByRole('button', { name: 'Tự đánh giá' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await row.getByTestId('rating-state').filter({ hasText: 'Đã tự đánh giá' }).waitFor();

      const board = await member.get<RatingBoard>(
        `/ratings?unitId=${member.user.scopeUnitId}&year=2023&subject=member`,
      );
      const own = board.rows.find((r) => r.memberId === member.user.memberId);
      expect(own?.rating).toMatchObject({ state: 'self_assessed', total: 83, level: 'good' });
    } finally {
      await context.close();
    }
  });

  it("the commune secretary reads the year's targets and the household model", async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'bithu.thanhloc');
      await page.getByTestId('nav-targets').click();
      await page.waitForURL((url) => url.pathname === '/targets');
      await page.goto(`${server.url}/targets?year=2023`);
      const figures = page.getByTestId('target-figures');
      for (const text of ['38/40', '17/19', '7/7', '6/6'])
        await figures.getByText(text, { exact: true }).waitFor();
      await expect.poll(() => page.getByTestId('indicator-row').count()).toBe(40);
      await expect.poll(() => page.getByTestId('ntm-criterion').count()).toBe(19);
      // The commune ticks one more criterion met: the figure follows.
      await page.getByTestId('ntm-criterion').filter({ hasText: 'Môi trường' }).click();
      await figures.getByText('18/19', { exact: true }).waitFor();

      await page.goto(`${server.url}/four-good?year=2023`);
      const model = page.getByTestId('household-model');
      for (const text of ['14/14', '245/245']) await model.getByText(text, { exact: true }).waitFor();
      await expect.poll(() => page.getByTestId('four-good-row').count()).toBe(15);
    } finally {
      await context.close();
    }
  });
});
