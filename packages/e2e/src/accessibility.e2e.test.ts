import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { HouseholdSummary, Page } from '@caunoi/domain';
import { axeViolations, h1Texts, settled, unnamedFields } from './support/accessibility.js';
import { ApiSession } from './support/api-session.js';
import { launchChromium } from './support/chromium.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { demoPassword, logIn } from './support/ui.js';

/**
 * WCAG AA on the pages a commune's people use every day, on a 360-px phone
 * and on a desktop: axe-core's WCAG 2 A/AA rules (contrast 4.5:1 for text,
 * names of fields and buttons), exactly one h1, every field named.
 */
const screens = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;

interface Visit {
  username: string;
  pages: (household: string) => string[];
}

const visits: Visit[] = [
  {
    username: 'dangvien.thanhan',
    pages: (household) => [
      `/households/${household}`,
      '/households',
      '/worklist',
      '/petitions',
      '/monthly-report',
    ],
  },
  {
    username: 'bithu.thanhan',
    pages: (household) => [
      `/households/${household}`,
      '/dashboard',
      '/coverage',
      '/cell-report',
      '/petitions',
    ],
  },
  {
    username: 'bithu.thanhloc',
    pages: () => ['/dashboard', '/coverage', '/petitions', '/households'],
  },
];

describe('accessibility of the main pages (axe-core, WCAG 2 AA)', () => {
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

  for (const visit of visits) {
    for (const [screen, viewport] of Object.entries(screens)) {
      it(`${visit.username} on a ${screen}`, { timeout: 300_000 }, async () => {
        const context = await browser.newContext({ viewport, locale: 'vi-VN', isMobile: screen === 'phone' });
        const page = await context.newPage();
        try {
          await logIn(page, server.url, visit.username);
          const found: Record<string, unknown> = {};
          for (const path of visit.pages(household)) {
            await page.goto(`${server.url}${path}`);
            await settled(page);
            const violations = await axeViolations(page);
            const h1 = await h1Texts(page);
            const unnamed = await unnamedFields(page);
            if (violations.length > 0 || h1.length !== 1 || unnamed.length > 0) {
              found[path] = { violations, h1, unnamed };
            }
          }
          expect(found).toEqual({});
        } finally {
          await context.close();
        }
      });
    }
  }
});
