import { z } from 'zod';

/**
 * The one rule for the year a page of figures opens on when none is asked
 * (dashboard, help outcomes, ratings, targets, and their API): the current
 * year; when it has no data yet, the latest earlier year that has, and the
 * page says so in words. Asked for a year, a page shows that year, empty or not.
 */
export const yearShown = z.object({
  year: z.number().int(),
  /** `asked`: the question named the year; `current`: the default; `latest_with_data`: the current year has none. */
  reason: z.enum(['asked', 'current', 'latest_with_data']),
  /** The current year (Vietnam), which `latest_with_data` stood in for. */
  currentYear: z.number().int(),
});
export type YearShown = z.infer<typeof yearShown>;

/** `latestWithData`: the latest year with data up to the current year, null when none. */
export function chooseYear(
  asked: number | undefined,
  currentYear: number,
  latestWithData: number | null,
): YearShown {
  if (asked !== undefined) return { year: asked, reason: 'asked', currentYear };
  if (latestWithData === null || latestWithData >= currentYear) {
    return { year: currentYear, reason: 'current', currentYear };
  }
  return { year: latestWithData, reason: 'latest_with_data', currentYear };
}

/** The sentence a page shows under its title when it stood in another year for the current one; null otherwise. */
export function yearShownText(shown: YearShown, language: 'vi' | 'en' = 'vi'): string | null {
  if (shown.reason !== 'latest_with_data') return null;
  return language === 'vi'
    ? `Năm ${shown.currentYear} chưa có số liệu; hiển thị năm ${shown.year}, năm gần nhất có số liệu.`
    : `${shown.currentYear} has no figures yet; showing ${shown.year}, the latest year with figures.`;
}
