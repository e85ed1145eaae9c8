import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core's WCAG 2 A and AA rules on the page as it stands and answers
 * the violations, each reduced to what a reader of a failed test needs.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** The page's level-one headings (text), visible or not: a page has exactly one. */
export function h1Texts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('h1, [role="heading"][aria-level="1"]')).map(
      (h) => h.textContent ?? '',
    ),
  );
}

/**
 * Form fields without an accessible name: no aria-label, no aria-labelledby
 * pointing at text, no <label> (for= or wrapping), no title. Hidden inputs and
 * antd's internal inputs that are hidden from the accessibility tree are skipped.
 */
export function unnamedFields(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fields = Array.from(
      document.querySelectorAll<HTMLElement>('input, select, textarea, [role="combobox"]'),
    );
    const text = (id: string) => document.getElementById(id)?.textContent?.trim() ?? '';
    const unnamed: string[] = [];
    for (const field of fields) {
      if (field instanceof HTMLInputElement && field.type === 'hidden') continue;
      if (field.closest('[aria-hidden="true"]')) continue;
      const style = window.getComputedStyle(field);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const label = field.getAttribute('aria-label')?.trim();
      const labelledBy = (field.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map(text)
        .join(' ')
        .trim();
      const labels =
        'labels' in field
          ? Array.from((field as HTMLInputElement).labels ?? []).map((l) => l.textContent?.trim())
          : [];
      const title = field.getAttribute('title')?.trim();
      if (label || labelledBy || labels.some(Boolean) || title) continue;
      unnamed.push(field.outerHTML.slice(0, 160));
    }
    return unnamed;
  });
}

/** Waits until the page's data has arrived: no request in flight, no spinner, no skeleton. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .loading-state'),
    undefined,
    { timeout: 30_000 },
  );
  // antd's motion (fades, wave effects) must end before colours are measured.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}
