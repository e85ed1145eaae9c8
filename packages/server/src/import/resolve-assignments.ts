import { v7 as uuidv7 } from 'uuid';
import { rangesOverlap } from '@caunoi/domain';
import { findAssignmentsOfHouseholds } from './import.repository.js';
import type { AssignmentChange, HouseholdRef, MemberRef, NewAssignment } from './import-plan.js';
import { toAssignmentRecord, type AssignmentRecord } from './import-records.js';
import { explainedElsewhere, firstOfEachKey, records, report, type PlanContext } from './plan-context.js';
import type { HouseholdDirectory } from './resolve-households.js';
import type { MemberDirectory } from './resolve-members.js';
import { orgKey } from './resolve-units.js';

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const memberOrg = (m: MemberRef) => ('existing' in m ? `o${m.existing.org_id}` : orgKey(m.created.cell));
const householdOrg = (h: HouseholdRef) =>
  'existing' in h ? `o${h.existing.org_id}` : orgKey(h.created.cell);
const householdId = (h: HouseholdRef) => ('existing' in h ? h.existing.id : h.created.id);
/** Only stored households have stored assignments to change: their cell is known. */
const householdCell = (h: HouseholdRef) => ('existing' in h ? h.existing.cell_id : 0);

/** A period a household is followed in, from the database or the file. */
interface Period {
  start: string;
  end: string | null;
  /** The file row that creates or changes it; null for a stored period left as it is. */
  row: number | null;
}

/**
 * Plans the assignments sheet. A row is keyed by household, member and start
 * date: a stored assignment with that key is updated (end date, reason), any
 * other row is new. A new open-ended row hands the household over: the open
 * assignment it replaces ends the day before, as a transfer in the app does.
 * After that, a household may have at most one member at any date.
 */
export async function resolveAssignments(
  context: PlanContext,
  members: MemberDirectory,
  households: HouseholdDirectory,
): Promise<{ create: NewAssignment[]; update: AssignmentChange[]; unchanged: number }> {
  const rows = firstOfEachKey(
    context,
    'assignments',
    records(context, 'assignments', toAssignmentRecord),
    (r) => `${r.householdCode}|${r.memberCode}|${r.startDate}`,
    'start_date',
  );
  const valid: { record: AssignmentRecord; member: MemberRef; household: HouseholdRef }[] = [];
  for (const record of rows) {
    const member = members.resolve(record.memberCode);
    const household = households.resolve(record.householdCode);
    if (!member && !explainedElsewhere(context, 'members', record.memberCode))
      report(context, 'UNKNOWN_REFERENCE', 'assignments', record.row, 'member_code');
    if (!household && !explainedElsewhere(context, 'households', record.householdCode))
      report(context, 'UNKNOWN_REFERENCE', 'assignments', record.row, 'household_code');
    if (!member || !household) continue;
    let ok = true;
    if (memberOrg(member) !== householdOrg(household)) {
      report(context, 'OTHER_ORGANISATION', 'assignments', record.row, 'household_code');
      ok = false;
    }
    if (record.endDate !== undefined && record.endDate < record.startDate) {
      report(context, 'INVALID_DATES', 'assignments', record.row, 'end_date');
      ok = false;
    }
    if (ok) valid.push({ record, member, household });
  }
  settleActiveFrom(valid);
  for (const item of valid) {
    if (!memberActive(item.member, item.record)) {
      report(context, 'MEMBER_INACTIVE', 'assignments', item.record.row, 'start_date');
    }
  }
  const active = valid.filter((item) => memberActive(item.member, item.record));
  const result = await planPeriods(context, active);
  await context.tick(rows.length);
  return result;
}

/** A new member without a start date in the file starts with their first assignment (or today). */
function settleActiveFrom(valid: { record: AssignmentRecord; member: MemberRef }[]): void {
  for (const { record, member } of valid) {
    if (
      'created' in member &&
      member.created.record.activeFrom === undefined &&
      record.startDate < member.created.activeFrom
    )
      member.created.activeFrom = record.startDate;
  }
}

function memberActive(member: MemberRef, record: AssignmentRecord): boolean {
  if ('created' in member) return member.created.activeFrom <= record.startDate;
  const m = member.existing;
  if (m.active_from > record.startDate) return false;
  // A member who left may still have followed households before leaving.
  return m.active_to === null || (record.endDate !== undefined && record.endDate <= m.active_to);
}

async function planPeriods(
  context: PlanContext,
  items: { record: AssignmentRecord; member: MemberRef; household: HouseholdRef }[],
): Promise<{ create: NewAssignment[]; update: AssignmentChange[]; unchanged: number }> {
  const storedIds = [
    ...new Set(items.flatMap((i) => ('existing' in i.household ? [i.household.existing.id] : []))),
  ];
  const storedByHousehold = new Map<string, Awaited<ReturnType<typeof findAssignmentsOfHouseholds>>>();
  for (const row of await findAssignmentsOfHouseholds(context.db, storedIds)) {
    const list = storedByHousehold.get(row.household_id);
    if (list) list.push(row);
    else storedByHousehold.set(row.household_id, [row]);
  }
  const byHousehold = new Map<string, typeof items>();
  for (const item of items) {
    const id = householdId(item.household);
    const list = byHousehold.get(id);
    if (list) list.push(item);
    else byHousehold.set(id, [item]);
  }
  const create: NewAssignment[] = [];
  const update: AssignmentChange[] = [];
  let unchanged = 0;
  for (const [id, list] of byHousehold) {
    const stored = storedByHousehold.get(id) ?? [];
    const periods = new Map<string, Period>(
      stored.map((s) => [s.id, { start: s.start_date, end: s.end_date, row: null }]),
    );
    const fresh: { period: Period; item: (typeof items)[number] }[] = [];
    const matched = new Set<string>();
    for (const item of list) {
      const { record, member } = item;
      const same =
        'existing' in member
          ? stored.find((s) => s.member_id === member.existing.id && s.start_date === record.startDate)
          : undefined;
      if (!same) {
        fresh.push({
          period: { start: record.startDate, end: record.endDate ?? null, row: record.row },
          item,
        });
        continue;
      }
      matched.add(same.id);
      const change: AssignmentChange = {
        record,
        id: same.id,
        orgId: same.org_id,
        householdId: id,
        householdCellId: householdCell(item.household),
        memberCellId: same.member_cell_id,
        before: { endDate: same.end_date, reason: same.reason },
      };
      if (record.endDate !== undefined && record.endDate !== same.end_date) change.endDate = record.endDate;
      if (record.reason !== undefined && record.reason !== same.reason) change.reason = record.reason;
      if (change.endDate === undefined && change.reason === undefined) {
        unchanged++;
        continue;
      }
      periods.set(same.id, { start: same.start_date, end: change.endDate ?? same.end_date, row: record.row });
      update.push(change);
    }
    // The handover: a new open-ended row ends the open assignment that started before it.
    const handover = fresh
      .filter((f) => f.period.end === null)
      .sort((a, b) => a.period.start.localeCompare(b.period.start))[0];
    if (handover) {
      for (const s of stored) {
        const period = periods.get(s.id)!;
        if (matched.has(s.id) || period.end !== null || s.start_date >= handover.period.start) continue;
        const endDate = dayBefore(handover.period.start);
        periods.set(s.id, { ...period, end: endDate });
        update.push({
          record: null,
          id: s.id,
          orgId: s.org_id,
          householdId: id,
          householdCellId: householdCell(handover.item.household),
          memberCellId: s.member_cell_id,
          endDate,
          before: { endDate: s.end_date, reason: s.reason },
        });
      }
    }
    const all = [...periods.values(), ...fresh.map((f) => f.period)];
    const clashing = new Set<number>();
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i]!;
        const b = all[j]!;
        if ((a.row === null && b.row === null) || !rangesOverlap(a.start, a.end, b.start, b.end)) continue;
        clashing.add(Math.max(a.row ?? 0, b.row ?? 0));
      }
    }
    for (const row of clashing) report(context, 'ALREADY_ASSIGNED', 'assignments', row, 'start_date');
    for (const { item } of fresh) {
      if (!clashing.has(item.record.row)) create.push({ id: uuidv7(), ...item });
    }
  }
  return { create, update, unchanged };
}
