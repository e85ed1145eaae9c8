import { cleanWaterSources, hygienicLatrines, incomePerPerson } from '@caunoi/domain';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo.js';
import { daysBefore, demoHouseholdBook } from './household-book-demo.js';

const today = '2026-11-28';
const data = generateDemo();
const books = data.households.map((h) => ({ h, book: demoHouseholdBook(h, today) }));

describe('demo tracking books', () => {
  it('are the same on every run', () => {
    const again = data.households.slice(0, 50).map((h) => demoHouseholdBook(h, today));
    expect(again).toEqual(books.slice(0, 50).map((b) => b.book));
  });

  it('give poor and near-poor households an income under the rural line, the others above it', () => {
    for (const { h, book } of books) {
      const perPerson = incomePerPerson(book.columns.monthly_income, h.people.length)!;
      if (h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor')
        expect(perPerson).toBeLessThanOrEqual(1_500_000);
      else expect(perPerson, h.code).toBeGreaterThan(1_500_000);
    }
  });

  it('make poor households lack more than the others (water, latrine, internet)', () => {
    const share = (poor: boolean, lacks: (b: (typeof books)[number]['book']) => boolean) => {
      const group = books.filter(({ h }) => (h.povertyStatus === 'poor') === poor);
      return group.filter(({ book }) => lacks(book)).length / group.length;
    };
    const lacksLatrine = (b: (typeof books)[number]['book']) => !hygienicLatrines.has(b.columns.latrine_type);
    const lacksWater = (b: (typeof books)[number]['book']) => !cleanWaterSources.has(b.columns.water_source);
    expect(share(true, lacksLatrine)).toBeGreaterThan(share(false, lacksLatrine) + 0.3);
    expect(share(true, lacksWater)).toBeGreaterThan(share(false, lacksWater) + 0.2);
  });

  it('describe every person living there, and never change who lives there', () => {
    for (const { h, book } of books) {
      expect(book.people).toHaveLength(h.people.length);
      for (const gone of book.former) expect(h.people.map((p) => p.fullName)).not.toContain(gone.fullName);
      for (const a of book.away) expect(a.person).toBeGreaterThan(0);
      expect(book.away.every((a) => a.person < h.people.length)).toBe(true);
    }
  });

  it('keep a type for every policy family and a reason for every household needing help', () => {
    for (const { h, book } of books) {
      expect(book.columns.policy_family_type !== null, h.code).toBe(h.policyFamily);
      expect(book.columns.needs_help_reason !== null, h.code).toBe(h.needsHelp);
    }
  });

  it('date the history within the four months before the seed day, with people and labour changes this month', () => {
    const changes = books.flatMap(({ book }) => book.changes);
    expect(changes.length).toBeGreaterThan(500);
    for (const c of changes) {
      if (c.event === 'away_started') continue;
      expect(c.on >= daysBefore(today, 120) && c.on <= today, c.on).toBe(true);
    }
    const thisMonth = changes.filter((c) => c.on.startsWith(today.slice(0, 7)));
    const events = new Set(thisMonth.map((c) => c.event));
    for (const e of ['moved_away', 'away_started', 'capacity_changed'] as const) expect(events).toContain(e);
  });
});
