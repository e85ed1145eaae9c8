import type { Insertable } from 'kysely';
import type { VisitKind } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { HouseholdVisitStateTable } from '../db/schema-field-work.js';
import type { DemoData } from './demo-types.js';
import { generateFieldWorkDemo } from './field-work-demo.js';

export interface FieldWorkSeedContext {
  householdByCode: Map<string, { id: string; org_id: number; scope_path: string }>;
  demoId: (kind: string, code: string) => string;
  now: string;
  today: string;
  insert: <T extends keyof DB & string>(table: T, rows: readonly Insertable<DB[T]>[]) => Promise<void>;
}

/**
 * Writes the field-work part of the demo inside the demo seed's transaction:
 * visits with their rollup, help plans and actions, the 2022 review results
 * and this year's review sheets. Bulk inserts, like the rest of the demo.
 */
export async function seedFieldWork(data: DemoData, ctx: FieldWorkSeedContext): Promise<{ visits: number }> {
  const { householdByCode, demoId, now, today, insert } = ctx;
  const demoMember = data.accounts.find((a) => a.username === 'dangvien.thanhan')?.memberCode;
  const demo = generateFieldWorkDemo(data, today, demoMember);
  const household = (code: string) => {
    const found = householdByCode.get(code);
    if (!found) throw new Error(`field-work demo: unknown household ${code}`);
    return found;
  };
  const memberId = (code: string) => demoId('member', code);
  const system = demoId('user', 'admin');

  const visits = demo.visits.map((v, i) => {
    const h = household(v.householdCode);
    return {
      id: demoId('visit', `${v.householdCode}:${v.date}:${i}`),
      org_id: h.org_id,
      household_id: h.id,
      scope_path: h.scope_path,
      member_id: memberId(v.memberCode),
      visit_date: v.date,
      kind: v.kind,
      notes: v.notes,
      book_change_count: 0,
      created_by: system,
      created_at: now,
    };
  });
  await insert('visits', visits);
  const rollup = new Map<string, Insertable<HouseholdVisitStateTable>>();
  for (const v of visits) {
    const r = rollup.get(v.household_id) ?? {
      org_id: v.org_id,
      household_id: v.household_id,
      last_visit_on: v.visit_date,
      visit_count: 0,
    };
    r.visit_count += 1;
    if (v.visit_date > r.last_visit_on) r.last_visit_on = v.visit_date;
    // The last date of each kind too, as the server's rollup keeps it.
    const column = `last_${v.kind}_on` as `last_${VisitKind}_on`;
    if (v.visit_date > (r[column] ?? '')) r[column] = v.visit_date;
    rollup.set(v.household_id, r);
  }
  await insert('household_visit_state', [...rollup.values()]);

  const plans = demo.plans.map((p) => {
    const h = household(p.householdCode);
    return {
      id: demoId('help_plan', p.householdCode),
      org_id: h.org_id,
      household_id: h.id,
      scope_path: h.scope_path,
      causes: JSON.stringify(p.causes),
      wishes: p.wishes,
      target_year: p.targetYear,
      created_by: system,
      created_at: now,
      updated_at: now,
    };
  });
  await insert('help_plans', plans);
  await insert(
    'help_actions',
    demo.plans.flatMap((p) => {
      const h = household(p.householdCode);
      return p.actions.map((a, i) => ({
        id: demoId('help_action', `${p.householdCode}:${i}`),
        org_id: h.org_id,
        plan_id: demoId('help_plan', p.householdCode),
        household_id: h.id,
        scope_path: h.scope_path,
        kind: a.kind,
        description: a.description,
        owner_member_id: a.ownerMemberCode ? memberId(a.ownerMemberCode) : null,
        owner_name: a.ownerName,
        due_on: a.dueOn,
        status: a.status,
        completed_on: a.completedOn,
        result: a.result,
        loan_amount: a.loanAmount,
        donation_amount: a.donationAmount,
        people_count: a.peopleCount,
        created_by: system,
        created_at: now,
        updated_at: now,
      }));
    }),
  );

  await insert(
    'household_poverty',
    demo.reviewYears.map((r) => {
      const h = household(r.householdCode);
      return {
        org_id: h.org_id,
        household_id: h.id,
        year: r.year,
        status: r.status,
        source: 'import',
        recorded_at: now,
      };
    }),
  );
  await insert(
    'poverty_assessments',
    demo.sheets.map((s) => {
      const h = household(s.householdCode);
      return {
        org_id: h.org_id,
        household_id: h.id,
        year: s.year,
        scope_path: h.scope_path,
        overrides: JSON.stringify(s.overrides),
        review_requested: s.reviewRequested ? 1 : 0,
        review_note: s.reviewNote,
        updated_by: system,
        updated_at: now,
      };
    }),
  );
  return { visits: visits.length };
}
