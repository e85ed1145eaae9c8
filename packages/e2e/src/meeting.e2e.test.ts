import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { MeetingDetail, MeetingSummary, Member, Page as ListPage } from '@caunoi/domain';
import { ApiSession } from './support/api-session.js';
import { launchChromium, viewports } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, horizontalOverflow, logIn } from './support/ui.js';

/**
 * The secretary of Chi bộ ấp Thạnh An, at the meeting with a phone in hand,
 * records the month's regular meeting: everybody starts as present, she ticks
 * one member excused and one absent without excuse, saves, and the meeting
 * shows in the list with its attendance count.
 */
describe('recording a cell meeting on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let secretary: ApiSession;
  let members: Member[];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startTestServer();
    secretary = await ApiSession.login(server.url, 'bithu.thanhan', demoPassword);
    const page = await secretary.get<ListPage<Member>>(
      `/members?unitId=${secretary.user.scopeUnitId}&limit=200`,
    );
    members = page.items.filter((m) => !m.exempt);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the cell secretary ticks attendance member by member on a 360-px screen', async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const [excused, absent] = members.filter((m) => m.role === 'member');
    if (!excused || !absent) throw new Error('the cell needs two ordinary members');
    try {
      await logIn(page, server.url, 'bithu.thanhan');
      await page.getByTestId('nav-toggle').click();
      await page.getByTestId('nav-meetings').click();
      await page.waitForURL((url) => url.pathname === '/meetings');
      // The month is still to do: the flag says so.
      await page.getByTestId('meeting-flags').getByText('chưa sinh hoạt thường kỳ').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.getByTestId('meeting-new').click();
      await page.waitForURL((url) => url.pathname === '/meetings/new');
      const rows = page.getByTestId('attendance-row');
      await rows.first().waitFor();
      await expect.poll(() => rows.count()).toBe(members.length);
      const row = (id: string) => page.locator(`[data-testid="attendance-row"][data-member-id="${id}"]`);
      await row(excused.id).getByText('Vắng có lý do').click();
      await row(absent.id).getByText('Vắng không lý do').click();
      await expect(row(excused.id).getAttribute('data-status')).resolves.toBe('excused');
      await expect(row(absent.id).getAttribute('data-status')).resolves.toBe('absent');
      await expect(page.getByTestId('attendance-summary').textContent()).resolves.toBe(
        `Có mặt ${members.length - 2} · vắng có lý do 1 · vắng không lý do 1`,
      );
      // Three choices per member fit the screen: nothing scrolls sideways.
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.getByTestId('meeting-submit').click();
      await page.waitForURL((url) => url.pathname === '/meetings');
      const first = page.getByTestId('meeting-row').first();
      await expect
        .poll(() => first.getByTestId('meeting-attendance').textContent(), { timeout: 15_000 })
        .toBe(`${members.length - 2}/${members.length} có mặt`);
      await expect(first.textContent()).resolves.toContain('Sinh hoạt chi bộ thường kỳ tháng');
      await page.getByTestId('meeting-flags').getByText('đã sinh hoạt thường kỳ').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // What the server stored: each member's status, the secretary in the chair.
      const list = await secretary.get<ListPage<MeetingSummary>>('/meetings?limit=1');
      const stored = await secretary.get<MeetingDetail>(`/meetings/${list.items[0]!.id}`);
      expect(stored.kind).toBe('regular');
      expect(stored.chairMemberId).toBe(secretary.user.memberId);
      const status = new Map(stored.attendance.map((a) => [a.memberId, a.status]));
      expect(status.get(excused.id)).toBe('excused');
      expect(status.get(absent.id)).toBe('absent');
      expect([...status.values()].filter((s) => s === 'present')).toHaveLength(members.length - 2);
    } finally {
      await context.close();
    }
  });
});
