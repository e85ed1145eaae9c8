import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HouseholdSummary, Page } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * The household book on a 360-px phone: the member's frequent actions (visit,
 * help action, petition) on the first screen, a bar that jumps to each part
 * of the book, and card titles that wrap instead of being cut off.
 */
describe('the household book on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let household: string;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    const member = await ApiSession.login(server.url, 'dangvien.thanhan', demoPassword);
    household = (await member.get<Page<HouseholdSummary>>('/households?limit=1')).items[0]!.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts visit, help action and petition on the first screen and jumps to each part', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'vi-VN', isMobile: true });
    const page = await context.newPage();
    try {
      await logIn(page, server.url, 'dangvien.thanhan');
      await page.goto(`${server.url}/households/${household}`);
      await page.getByTestId('book-general').waitFor();
      await page.getByTestId('household-petitions').waitFor();

      for (const action of ['quick-visit', 'quick-help', 'quick-petition']) {
        const box = await page.getByTestId(action).boundingBox();
        expect(box, action).not.toBeNull();
        expect(box!.y + box!.height, action).toBeLessThanOrEqual(viewports.phone.height);
      }
      await expect(page.getByTestId('quick-petition').textContent()).resolves.toBe('Ghi nhận kiến nghị');

      // Each part of the book is one tap away and lands just under the header and the bar.
      for (const part of ['work', 'people', 'living', 'history', 'general']) {
        await page.getByTestId(`book-jump-${part}`).click();
        await page.waitForFunction((id) => {
          const top = document.getElementById(id)?.getBoundingClientRect().top ?? -1;
          // Just under the header and the bar, or as high as it goes when the page ends below it.
          const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
          return top >= 0 && (top < 160 || (atBottom && top < window.innerHeight));
        }, `book-section-${part}`);
      }
      await page.getByTestId('book-jump-work').click();
      await page.waitForFunction(() => {
        const top = document.querySelector('[data-testid="household-visits"]')?.getBoundingClientRect().top;
        return top !== undefined && top >= 0 && top < 200;
      });

      // No card title is cut off, and the page never scrolls sideways.
      const cut = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.ant-card-head-title'))
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent),
      );
      expect(cut).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // The petition button at the top opens the same form as the card's.
      await page.getByTestId('quick-petition').click();
      await page.getByRole('dialog').waitFor();
      await expect(page.getByRole('dialog').textContent()).resolves.toContain('Ghi nhận kiến nghị');
    } finally {
      await context.close();
    }
  });
});
