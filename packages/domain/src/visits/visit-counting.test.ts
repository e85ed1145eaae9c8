import { describe, expect, it } from 'vitest';
import { countingVisitKinds, lastCountingVisit, poorVisitKindsSchema } from './visit-counting.js';

describe('which contacts count as the visit', () => {
  it('for a poor or near-poor household, by default only a visit at home', () => {
    const last = { home_visit: '2026-10-03', phone_call: '2026-12-05' };
    expect(lastCountingVisit('poor', last)).toBe('2026-10-03');
    expect(lastCountingVisit('near_poor', last)).toBe('2026-10-03');
    expect(lastCountingVisit('poor', { phone_call: '2026-12-05' })).toBeNull();
  });

  it('for any other household, any contact', () => {
    expect(lastCountingVisit('none', { home_visit: '2026-10-03', phone_call: '2026-12-05' })).toBe(
      '2026-12-05',
    );
    expect(countingVisitKinds('escaped')).toEqual([
      'home_visit',
      'phone_call',
      'meeting',
      'community_activity',
    ]);
  });

  it("follows the commune's choice for poor households", () => {
    const last = { home_visit: '2026-10-03', phone_call: '2026-12-05', meeting: '2026-12-06' };
    expect(lastCountingVisit('poor', last, ['home_visit', 'phone_call'])).toBe('2026-12-05');
    expect(countingVisitKinds('poor', ['phone_call', 'home_visit'])).toEqual(['home_visit', 'phone_call']);
  });

  it('a commune cannot take the visit at home off the list, nor list a kind twice', () => {
    expect(poorVisitKindsSchema.safeParse(['phone_call']).success).toBe(false);
    expect(poorVisitKindsSchema.safeParse(['home_visit', 'home_visit']).success).toBe(false);
    expect(poorVisitKindsSchema.safeParse([]).success).toBe(false);
    expect(poorVisitKindsSchema.safeParse(['home_visit', 'meeting']).success).toBe(true);
  });
});
