import { describe, expect, it } from 'vitest';
import { chooseYear, yearShownText } from './year-shown.js';

describe('the default year of a page of figures', () => {
  it('is the current year when it has data or nothing has', () => {
    expect(chooseYear(undefined, 2026, 2026)).toEqual({ year: 2026, reason: 'current', currentYear: 2026 });
    expect(chooseYear(undefined, 2026, null)).toEqual({ year: 2026, reason: 'current', currentYear: 2026 });
    expect(yearShownText(chooseYear(undefined, 2026, null))).toBeNull();
  });

  it('stands in the latest year with data for an empty current year, and says so', () => {
    const shown = chooseYear(undefined, 2026, 2023);
    expect(shown).toEqual({ year: 2023, reason: 'latest_with_data', currentYear: 2026 });
    expect(yearShownText(shown)).toBe(
      'Năm 2026 chưa có số liệu; hiển thị năm 2023, năm gần nhất có số liệu.',
    );
    expect(yearShownText(shown, 'en')).toBe(
      '2026 has no figures yet; showing 2023, the latest year with figures.',
    );
  });

  it('keeps a year asked, even an empty one', () => {
    expect(chooseYear(2025, 2026, 2023)).toEqual({ year: 2025, reason: 'asked', currentYear: 2026 });
  });
});
