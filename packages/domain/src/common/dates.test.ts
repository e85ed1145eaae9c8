import { describe, expect, it } from 'vitest';
import { rangeContains, rangesOverlap, todayInVietnam } from './dates.js';
import { toPage } from './paging.js';

describe('dates', () => {
  it('gives the date in Vietnam, not in UTC', () => {
    // 2026-01-31 20:00 UTC is already 1 February in Hồ Chí Minh City (UTC+7).
    expect(todayInVietnam(new Date('2026-01-31T20:00:00Z'))).toBe('2026-02-01');
    expect(todayInVietnam(new Date('2026-01-31T16:59:00Z'))).toBe('2026-01-31');
  });

  it('treats a null end as open', () => {
    expect(rangeContains('2023-01-01', null, '2030-05-05')).toBe(true);
    expect(rangeContains('2023-01-01', '2023-12-31', '2024-01-01')).toBe(false);
    expect(rangeContains('2023-01-01', '2023-12-31', '2023-12-31')).toBe(true);
  });

  it('finds overlaps of closed ranges', () => {
    expect(rangesOverlap('2023-01-01', '2023-06-30', '2023-06-30', null)).toBe(true);
    expect(rangesOverlap('2023-01-01', '2023-06-29', '2023-06-30', null)).toBe(false);
    expect(rangesOverlap('2023-01-01', null, '2020-01-01', '2022-12-31')).toBe(false);
  });
});

describe('toPage', () => {
  it('uses the extra row only to say there is more', () => {
    expect(toPage([1, 2, 3], { limit: 2, offset: 4 })).toEqual({ items: [1, 2], nextOffset: 6 });
    expect(toPage([1, 2], { limit: 2, offset: 0 })).toEqual({ items: [1, 2], nextOffset: null });
  });
});
