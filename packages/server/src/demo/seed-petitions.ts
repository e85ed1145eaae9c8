import type { Kysely } from 'kysely';
import { addCalendarDays } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { loadWorkCalendar } from '../holidays/holidays.service.js';
import {
  insertNotifications,
  memberAccountIds,
  unitAccountIds,
} from '../notifications/notifications.repository.js';
import {
  grantPetitionUnit,
  insertPetition,
  insertPetitionHouseholds,
  insertPetitionStep,
} from '../petitions/petitions.repository.js';
import type { DemoAccount, DemoData } from './demo-types.js';
import { generatePetitionsDemo } from './petitions-demo.js';
import type { SeededUnit } from './seed-cell-life.js';

export interface PetitionsSeedContext {
  units: Map<string, SeededUnit>;
  householdByCode: Map<string, { id: string }>;
  demoId: (kind: string, code: string) => string;
  /** Every demo account, those of the cell-life part included (they act and are notified). */
  accounts: readonly DemoAccount[];
  today: string;
}

/**
 * Writes the petitions of the demo (petitions-demo.ts) inside the demo seed's
 * transaction, through the repository functions the petitions service and
 * the deadline job use: the rows, households, steps, units that held them and
 * the notifications each step sent, dated when the step happened. It runs
 * before the monthly part, whose frozen figures count petitions.
 */
export async function seedPetitions(
  db: Kysely<DB>,
  data: DemoData,
  context: PetitionsSeedContext,
): Promise<{ petitions: number }> {
  const { units, householdByCode, demoId, accounts, today } = context;
  const demoMemberCode = accounts.find((a) => a.username === 'dangvien.thanhan')?.memberCode;
  const calendar = await loadWorkCalendar(db, addCalendarDays(today, -200));
  const demo = generatePetitionsDemo(data, today, calendar, {
    accounts,
    ...(demoMemberCode ? { demoMemberCode } : {}),
  });
  const unit = (code: string) => {
    const found = units.get(code);
    if (!found) throw new Error(`petitions demo: unknown unit ${code}`);
    return found;
  };
  const memberId = (code: string) => demoId('member', code);
  const userId = (username: string | null) => (username ? demoId('user', username) : null);
  const petitionId = (code: string) => demoId('petition', code);

  // The kept petition of a merge is written first: the duplicate points to it.
  const ordered = [...demo.petitions].sort(
    (a, b) => Number(a.mergedIntoCode !== null) - Number(b.mergedIntoCode !== null),
  );
  for (const p of ordered) {
    const cell = unit(p.cellCode);
    const holder = unit(p.holderUnitCode);
    const orgId = unit(p.orgCode).id;
    const id = petitionId(p.code);
    const created = p.steps[0]!;
    const last = p.steps[p.steps.length - 1]!;
    await insertPetition(db, {
      id,
      org_id: orgId,
      cell_id: cell.id,
      scope_path: cell.path,
      member_id: memberId(p.memberCode),
      received_on: p.receivedOn,
      channel: p.channel,
      category: p.category,
      title: p.title,
      content: p.content,
      state: p.state,
      holder_unit_id: holder.id,
      holder_path: holder.path,
      holder_member_id: p.holderMemberCode ? memberId(p.holderMemberCode) : null,
      target_name: null,
      step_due_on: p.stepDueOn,
      escalations: p.escalations,
      answer: p.answer,
      answered_by_unit_id: p.answeredByUnitCode ? unit(p.answeredByUnitCode).id : null,
      answer_due_on: p.answerDueOn,
      answered_on: p.answeredOn,
      relayed_on: p.relayedOn,
      closed_on: p.closedOn,
      satisfied: p.satisfied === null ? null : p.satisfied ? 1 : 0,
      merged_into_id: p.mergedIntoCode ? petitionId(p.mergedIntoCode) : null,
      // Created at version 1; every later step changed the row once (absorbing a duplicate does not).
      version:
        1 +
        p.steps.filter(
          (st) => st.action !== 'create' && !(st.action === 'merge' && st.fromState === st.toState),
        ).length,
      created_by: userId(created.actor.username),
      created_at: created.at,
      updated_at: last.at,
    });
    await insertPetitionHouseholds(
      db,
      p.householdCodes.map((code) => {
        const household = householdByCode.get(code);
        if (!household) throw new Error(`petitions demo: unknown household ${code}`);
        return { org_id: orgId, petition_id: id, household_id: household.id };
      }),
    );
    for (const [i, st] of p.steps.entries()) {
      await insertPetitionStep(db, {
        id: demoId('petition_step', `${p.code}:${i}`),
        org_id: orgId,
        petition_id: id,
        at: st.at,
        user_id: userId(st.actor.username),
        actor_name: st.actor.name,
        action: st.action,
        from_state: st.fromState,
        to_state: st.toState,
        note: st.note,
        target_unit_id: st.targetUnitCode ? unit(st.targetUnitCode).id : null,
        target_name: null,
        due_on: st.dueOn,
        late: st.late ? 1 : 0,
      });
    }
    for (const code of p.grantedUnitCodes) {
      const granted = unit(code);
      await grantPetitionUnit(db, {
        org_id: orgId,
        petition_id: id,
        unit_id: granted.id,
        unit_path: granted.path,
      });
    }
    for (const [i, n] of p.notifications.entries()) {
      // The same recipients as notifyPetition, with the step's date.
      const recipients = new Set<string>();
      for (const code of n.unitCodes)
        for (const u of await unitAccountIds(db, unit(code).id)) recipients.add(u);
      for (const code of n.memberCodes)
        for (const u of await memberAccountIds(db, memberId(code))) recipients.add(u);
      const except = userId(n.exceptUsername);
      if (except) recipients.delete(except);
      await insertNotifications(
        db,
        [...recipients].sort().map((user, j) => ({
          id: demoId('notification', `${p.code}:${i}:${j}`),
          org_id: orgId,
          user_id: user,
          kind: n.kind,
          petition_id: id,
          unit_id: n.unitCode ? unit(n.unitCode).id : null,
          created_at: n.at,
          read_at: n.read ? new Date(Date.parse(n.at) + 86_400_000).toISOString() : null,
        })),
      );
    }
  }
  return { petitions: demo.petitions.length };
}
