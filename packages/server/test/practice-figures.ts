import { monthBounds, type PracticeFigures } from '@caunoi/domain';
import type { TestApp } from './fixture.js';

/**
 * A month's practices counted a second way: every row read back and filtered
 * in plain code, never with the repository's queries. A member's households
 * not complying are among `careHouseholds`; a cell's are those with its path.
 */
export async function expectedPractices(
  t: TestApp,
  who: { memberId: string; careHouseholds: string[] } | { scopePath: string },
  month: string,
): Promise<PracticeFigures> {
  const { db } = t.database;
  const { first, last } = monthBounds(month);
  const inMonth = (d: string) => d >= first && d <= last;
  const mine = (r: { member_id: string; scope_path: string }) =>
    'memberId' in who ? r.member_id === who.memberId : r.scope_path === who.scopePath;
  const cases = (await db.selectFrom('compliance_cases').selectAll().execute()).filter(
    (c) =>
      ('memberId' in who ? who.careHouseholds.includes(c.household_id) : c.scope_path === who.scopePath) &&
      c.noted_on <= last &&
      (c.resolved_on === null || c.resolved_on > last),
  );
  const persuasions = (await db.selectFrom('persuasions').selectAll().execute()).filter(
    (p) => mine(p) && inMonth(p.persuaded_on),
  );
  const movements = (await db.selectFrom('visit_movements').selectAll().execute()).filter(
    (m) => mine(m) && inMonth(m.visit_date),
  );
  const mobilised: Record<string, number> = {};
  for (const m of new Set(movements.map((x) => x.movement))) {
    mobilised[m] = new Set(movements.filter((x) => x.movement === m).map((x) => x.household_id)).size;
  }
  const meetings = (await db.selectFrom('self_managed_meetings').selectAll().execute()).filter(
    (m) => mine(m) && inMonth(m.meeting_on),
  );
  return {
    nonCompliant: new Set(cases.map((c) => c.household_id)).size,
    persuasions: persuasions.length,
    complied: new Set(persuasions.filter((p) => p.result === 'complied').map((p) => p.case_id)).size,
    mobilised,
    selfManagedMeetings: meetings.length,
  };
}
