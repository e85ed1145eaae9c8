import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  dayBefore,
  isCellKind,
  todayInVietnam,
  type AssignmentDecision,
  type EndHouseholdInput,
  type Household,
  type MergeHouseholdInput,
  type MoveHouseholdInput,
  type SplitHouseholdInput,
  type UnitKind,
} from '@caunoi/domain';
import { isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { endAssignmentRow, insertAssignment, memberCellIds } from '../assignments/assignments.repository.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { readHouseholdBook } from '../households/household-book.js';
import { listAllPeople } from '../households/household-book.repository.js';
import { householdConflict } from '../households/household-conflict.js';
import { recordHouseholdChanges } from '../households/household-history.js';
import {
  findHouseholdRow,
  householdCodeTaken,
  insertHousehold,
  insertPeople,
  markPeopleLeft,
  updateHouseholdDerived,
  upsertPovertyYear,
  type HouseholdRow,
  type PersonRow,
} from '../households/households.repository.js';
import { loadHouseholdInScope, searchText } from '../households/households.service.js';
import { loadMemberInScope } from '../members/members.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import { closeHouseholdCell, currentHouseholdCell, openHouseholdCell } from './household-cells.repository.js';
import {
  carryOpenHelpPlans,
  changeHouseholdAt,
  codeTakenInOrg,
  copyYearlyRecords,
  dropOpenHelpActions,
  insertLifecycleEvent,
  moveBookScope,
  openAssignments,
  unitNames,
} from './household-lifecycle.repository.js';

/*
 * A household's life: move (inside the organisation: the same record; to
 * another organisation: a new linked record), split, merge, end. Each is one
 * transaction with its history rows, its audit rows and the rollups of every
 * cell it touches. README.md in this folder gives the rules.
 */

interface Change {
  trx: Kysely<DB>;
  actor: Actor;
  row: HouseholdRow;
  effectiveDate: string;
  now: string;
  /** Cells whose figures the change moves. */
  cells: Set<number>;
}

/** The household as it must be for a lifecycle change, inside the transaction. */
async function begin(
  trx: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { version: number; effectiveDate: string },
): Promise<Change> {
  requirePermission(actor, 'household.write');
  // The cell or a committee decides where households live, as it records them.
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  const row = await loadHouseholdInScope(trx, actor, id);
  if (row.status !== 'active') throw new AppError('HOUSEHOLD_ENDED');
  if (row.version !== input.version) throw await householdConflict(trx, id, input.version, actor.role);
  if (input.effectiveDate > todayInVietnam()) throw new AppError('HOUSEHOLD_DATE_IN_FUTURE');
  await requireAfterCurrentPlace(trx, id, input.effectiveDate);
  return {
    trx,
    actor,
    row,
    effectiveDate: input.effectiveDate,
    now: nowIso(),
    cells: new Set([row.cell_id]),
  };
}

/** A change cannot take effect on or before the day the household came to its current cell. */
async function requireAfterCurrentPlace(trx: Kysely<DB>, id: string, effectiveDate: string): Promise<void> {
  const place = await currentHouseholdCell(trx, id);
  if (place && effectiveDate <= place.start_date) throw new AppError('HOUSEHOLD_DATE_TOO_EARLY');
}

/** Bumps the household's version (it must still be the one read) and sets `values`. */
async function saveRow(
  change: Change,
  values: Parameters<typeof changeHouseholdAt>[3] = {},
): Promise<number> {
  const { trx, row } = change;
  if (!(await changeHouseholdAt(trx, row.id, row.version, { ...values, updated_at: change.now }))) {
    throw await householdConflict(trx, row.id, row.version, change.actor.role);
  }
  return row.version + 1;
}

/**
 * Ends the household's open assignments the day before the change, or hands
 * them to `decision.memberId` on `next` (the household that carries on),
 * as the request says; refused when it says nothing and one is open.
 */
async function settleAssignment(
  change: Change,
  decision: AssignmentDecision | undefined,
  next: { id: string; org_id: number } | null,
  reason: string,
): Promise<string | null> {
  const { trx, actor, row, effectiveDate, now } = change;
  const open = await openAssignments(trx, row.id, effectiveDate);
  if (open.length > 0 && !decision) throw new AppError('HOUSEHOLD_ASSIGNMENT_DECISION_REQUIRED');
  const endReason = decision?.action === 'end' ? decision.reason : reason;
  for (const current of open) {
    if (current.start_date >= effectiveDate) throw new AppError('HOUSEHOLD_DATE_TOO_EARLY');
    await endAssignmentRow(trx, current.id, dayBefore(effectiveDate), endReason, now);
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'assignment',
      entityId: current.id,
      orgId: row.org_id,
      changes: { endDate: [current.end_date, dayBefore(effectiveDate)], reason: endReason },
    });
  }
  for (const cell of await memberCellIds(
    trx,
    open.map((o) => o.member_id),
  ))
    change.cells.add(cell);
  if (decision?.action !== 'handTo' || !next) return null;
  await assign(change, decision.memberId, next, reason);
  return decision.memberId;
}

/** A new assignment of `household` to the member from the effective date. */
async function assign(
  change: Change,
  memberId: string,
  household: { id: string; org_id: number },
  reason: string,
): Promise<void> {
  const { trx, actor, effectiveDate, now } = change;
  const member = await loadMemberInScope(trx, actor, memberId);
  if (member.org_id !== household.org_id) throw new AppError('OTHER_ORGANISATION');
  if (member.active_to !== null || member.active_from > effectiveDate) throw new AppError('MEMBER_INACTIVE');
  const id = uuidv7();
  const inserted = await insertAssignment(trx, {
    id,
    org_id: household.org_id,
    member_id: member.id,
    household_id: household.id,
    start_date: effectiveDate,
    end_date: null,
    reason,
    end_reason: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  if (!inserted) throw new AppError('ALREADY_ASSIGNED');
  await recordAudit(trx, actor, {
    action: 'create',
    entity: 'assignment',
    entityId: id,
    orgId: household.org_id,
    changes: { memberId: member.id, householdId: household.id, startDate: effectiveDate, reason },
  });
  change.cells.add(member.cell_id);
}

/** The lifecycle row of a household's history, dated in Vietnam on the day it is recorded. */
async function recordEvent(
  change: Change,
  household: { id: string; org_id: number; scope_path: string },
  version: number,
  event: string,
  oldValue: unknown,
  newValue: Record<string, unknown>,
): Promise<void> {
  await insertLifecycleEvent(change.trx, {
    org_id: household.org_id,
    household_id: household.id,
    scope_path: household.scope_path,
    event,
    old_value: oldValue,
    new_value: { effectiveDate: change.effectiveDate, ...newValue },
    actor_id: change.actor.userId,
    changed_at: change.now,
    changed_on: todayInVietnam(new Date(change.now)),
    version,
  });
}

async function finish(change: Change): Promise<void> {
  await refreshCellCoverage(change.trx, [...change.cells]);
}

/** People rows copied into another household: new ids, so a person's history stays with each book. */
function copiesOf(people: PersonRow[], to: { id: string; org_id: number }, from: number, now: string) {
  return people.map(({ id: _id, org_id: _o, household_id: _h, position: _p, created_at: _c, ...p }, i) => ({
    ...p,
    id: uuidv7(),
    org_id: to.org_id,
    household_id: to.id,
    position: from + i,
    status: 'active',
    left_on: null,
    created_at: now,
    updated_at: now,
  }));
}

/** Recomputes a household's people count and search text from its living people. */
async function refreshDerived(trx: Kysely<DB>, id: string): Promise<void> {
  const row = (await findHouseholdRow(trx, id))!;
  const living = (await listAllPeople(trx, id)).filter((p) => p.status === 'active');
  await updateHouseholdDerived(trx, id, {
    people_count: living.length,
    search_text: searchText(
      row.code,
      row.head_name,
      row.address,
      living.map((p) => ({ fullName: p.full_name })),
    ),
  });
}

async function loadTargetCell(
  trx: Kysely<DB>,
  actor: Actor,
  cellId: number,
  hamletId: number | null | undefined,
) {
  const cell = await loadUnitInScope(trx, actor, cellId);
  if (!isCellKind(cell.kind as UnitKind) || cell.org_id === null) throw new AppError('NOT_A_CELL');
  let hamlet: number | null = cell.hamlet_id;
  if (hamletId) {
    const unit = await loadUnitInScope(trx, actor, hamletId);
    if (unit.kind !== 'hamlet') throw new AppError('NOT_A_HAMLET');
    hamlet = unit.id;
  }
  return { id: cell.id, org_id: cell.org_id, path: cell.path, hamlet_id: hamlet };
}

/**
 * Moves a household to another cell or hamlet. Inside its organisation the
 * record stays and its dated cell row turns; to a cell of another
 * organisation a new record is made there and linked, and this one ends.
 */
export async function moveHousehold(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: MoveHouseholdInput,
): Promise<Household> {
  const resultId = await db.transaction().execute(async (trx) => {
    const change = await begin(trx, actor, id, input);
    const target = await loadTargetCell(trx, actor, input.cellId, input.hamletId);
    return target.org_id === change.row.org_id
      ? moveInside(change, target, input)
      : moveToOtherOrganisation(change, target, input);
  });
  return readHouseholdBook(db, resultId);
}

type TargetCell = Awaited<ReturnType<typeof loadTargetCell>>;

async function moveInside(change: Change, target: TargetCell, input: MoveHouseholdInput): Promise<string> {
  const { trx, actor, row, effectiveDate } = change;
  if (target.id === row.cell_id && target.hamlet_id === row.hamlet_id && input.address === undefined) {
    throw new AppError('HOUSEHOLD_SAME_PLACE');
  }
  const before = await readHouseholdBook(trx, row.id);
  const version = await saveRow(change, {
    cell_id: target.id,
    hamlet_id: target.hamlet_id,
    scope_path: target.path,
    ...(input.address === undefined ? {} : { address: input.address }),
  });
  await closeHouseholdCell(trx, row.id, dayBefore(effectiveDate));
  await openHouseholdCell(trx, {
    org_id: row.org_id,
    household_id: row.id,
    cell_id: target.id,
    hamlet_id: target.hamlet_id,
    scope_path: target.path,
    start_date: effectiveDate,
  });
  await moveBookScope(trx, row.id, target.path);
  if (input.address !== undefined) await refreshDerived(trx, row.id);
  change.cells.add(target.id);
  await settleAssignment(change, input.assignment, { id: row.id, org_id: row.org_id }, input.reason);
  const moved = { ...row, scope_path: target.path };
  await recordHouseholdChanges(trx, {
    household: moved,
    before,
    after: await readHouseholdBook(trx, row.id),
    actorId: actor.userId,
    source: 'edit',
    version,
    at: change.now,
  });
  const names = await unitNames(trx, [row.cell_id, row.hamlet_id, target.id, target.hamlet_id]);
  await recordEvent(
    change,
    moved,
    version,
    'household_moved',
    {
      cellId: row.cell_id,
      cellName: names.get(row.cell_id),
      hamletName: names.get(row.hamlet_id ?? -1) ?? null,
    },
    {
      reason: input.reason,
      cellId: target.id,
      cellName: names.get(target.id),
      hamletName: names.get(target.hamlet_id ?? -1) ?? null,
      assignment: input.assignment?.action ?? null,
    },
  );
  await recordAudit(trx, actor, {
    action: 'update',
    entity: 'household',
    entityId: row.id,
    orgId: row.org_id,
    changes: {
      operation: 'move',
      effectiveDate,
      reason: input.reason,
      cellId: [row.cell_id, target.id],
      hamletId: [row.hamlet_id, target.hamlet_id],
      assignment: input.assignment ?? null,
    },
  });
  await finish(change);
  return row.id;
}

/**
 * Ends the household as a record (status, last day, reason, link), closes
 * its dated cell row and marks the people still living there as `how`: the
 * book keeps them, and the diff of the book records their leaving.
 */
async function endRecord(
  change: Change,
  values: {
    ended_reason: string;
    moved_to_id?: string;
    merged_into_id?: string;
  },
  how: 'left' | 'moved_away' | 'deceased',
): Promise<number> {
  const { trx, row, effectiveDate, now } = change;
  const living = (await listAllPeople(trx, row.id)).filter((p) => p.status === 'active');
  const version = await saveRow(change, { status: 'ended', ended_on: dayBefore(effectiveDate), ...values });
  await closeHouseholdCell(trx, row.id, dayBefore(effectiveDate));
  await markPeopleLeft(
    trx,
    living.map((p) => p.id),
    now,
    how,
    effectiveDate,
  );
  await refreshDerived(trx, row.id);
  return version;
}

async function moveToOtherOrganisation(
  change: Change,
  target: TargetCell,
  input: MoveHouseholdInput,
): Promise<string> {
  const { trx, actor, row, effectiveDate, now } = change;
  const code = input.code ?? row.code;
  if (await codeTakenInOrg(trx, target.org_id, code)) throw new AppError('DUPLICATE_CODE', { field: 'code' });
  const newId = uuidv7();
  const before = await readHouseholdBook(trx, row.id);
  const living = (await listAllPeople(trx, row.id)).filter((p) => p.status === 'active');
  const {
    id: _id,
    org_id: _org,
    cell_id: _cell,
    hamlet_id: _hamlet,
    scope_path: _path,
    code: _code,
    status: _status,
    version: _version,
    created_at: _created,
    updated_at: _updated,
    ended_on: _end,
    ended_reason: _reason,
    moved_to_id: _to,
    merged_into_id: _merged,
    ...book
  } = row;
  // SQLite's search key (not in the typed row) is the old record's; the new one gets its own.
  delete (book as { search_key?: unknown }).search_key;
  const address = input.address ?? row.address;
  const next = { id: newId, org_id: target.org_id, scope_path: target.path };
  await insertHousehold(trx, {
    ...book,
    ...next,
    cell_id: target.id,
    hamlet_id: target.hamlet_id,
    code,
    address,
    search_text: searchText(
      code,
      row.head_name,
      address,
      living.map((p) => ({ fullName: p.full_name })),
    ),
    moved_from_id: row.id,
    created_at: now,
    updated_at: now,
  });
  await insertPeople(trx, copiesOf(living, next, 0, now));
  await copyYearlyRecords(trx, row.id, next, now);
  await openHouseholdCell(trx, {
    org_id: target.org_id,
    household_id: newId,
    cell_id: target.id,
    hamlet_id: target.hamlet_id,
    scope_path: target.path,
    start_date: effectiveDate,
  });
  const oldVersion = await endRecord(change, { ended_reason: 'moved_out', moved_to_id: newId }, 'moved_away');
  change.cells.add(target.id);
  const handedTo = await settleAssignment(change, input.assignment, next, input.reason);
  await carryOpenHelpPlans(trx, row.id, { ...next, code }, handedTo, now);
  await recordHouseholdChanges(trx, {
    household: row,
    before,
    after: await readHouseholdBook(trx, row.id),
    actorId: actor.userId,
    source: 'edit',
    version: oldVersion,
    at: now,
  });
  await recordHouseholdChanges(trx, {
    household: next,
    before: null,
    after: await readHouseholdBook(trx, newId),
    actorId: actor.userId,
    source: 'edit',
    version: 1,
    at: now,
  });
  const names = await unitNames(trx, [row.cell_id, target.id]);
  const from = { householdId: row.id, code: row.code, cellName: names.get(row.cell_id) };
  const to = { householdId: newId, code, cellName: names.get(target.id) };
  await recordEvent(change, row, oldVersion, 'household_moved_out', from, { reason: input.reason, ...to });
  await recordEvent(change, next, 1, 'household_moved_in', from, { reason: input.reason, ...to });
  await recordAudit(trx, actor, {
    action: 'end',
    entity: 'household',
    entityId: row.id,
    orgId: row.org_id,
    changes: {
      operation: 'move_out',
      effectiveDate,
      reason: input.reason,
      movedToId: newId,
      assignment: input.assignment ?? null,
    },
  });
  await recordAudit(trx, actor, {
    action: 'create',
    entity: 'household',
    entityId: newId,
    orgId: target.org_id,
    changes: {
      operation: 'move_in',
      effectiveDate,
      reason: input.reason,
      movedFromId: row.id,
      cellId: target.id,
      code,
    },
  });
  await finish(change);
  return newId;
}

/**
 * Tách hộ: the chosen people form a new household in the same cell, linked
 * to this one; both books keep their history. The head of this household
 * stays (a new head is chosen by an edit first), so both keep a head.
 */
export async function splitHousehold(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: SplitHouseholdInput,
): Promise<Household> {
  const newId = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const change = await begin(trx, actor, id, input);
    const { row, effectiveDate, now } = change;
    const living = (await listAllPeople(trx, id)).filter((p) => p.status === 'active');
    const chosen = new Set(input.personIds);
    const leaving = living.filter((p) => chosen.has(p.id));
    const head = leaving.find((p) => p.id === input.headPersonId);
    if (
      leaving.length !== chosen.size ||
      !head ||
      leaving.length === living.length ||
      leaving.some((p) => p.relation === 'head')
    ) {
      throw new AppError('HOUSEHOLD_SPLIT_INVALID');
    }
    if (await findHouseholdRow(trx, newId)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    if (await householdCodeTaken(trx, row.org_id, input.code))
      throw new AppError('DUPLICATE_CODE', { field: 'code' });
    let hamletId = row.hamlet_id;
    if (input.hamletId !== undefined && input.hamletId !== null) {
      hamletId = (await loadTargetCell(trx, actor, row.cell_id, input.hamletId)).hamlet_id;
    }
    const before = await readHouseholdBook(trx, id);
    const address = input.address ?? row.address;
    const year = Number(effectiveDate.slice(0, 4));
    const next = { id: newId, org_id: row.org_id, scope_path: row.scope_path };
    const inserted = await insertHousehold(trx, {
      ...next,
      cell_id: row.cell_id,
      hamlet_id: hamletId,
      code: input.code,
      head_name: head.full_name,
      address,
      search_text: '',
      poverty_status: input.povertyStatus,
      poverty_year: year,
      needs_help: 0,
      policy_family: 0,
      people_count: leaving.length,
      split_from_id: id,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) throw new AppError('DUPLICATE_CODE', { field: 'code' });
    const copies = copiesOf(leaving, next, 0, now).map((p, i) =>
      leaving[i]!.id === head.id ? { ...p, relation: 'head' } : p,
    );
    await insertPeople(trx, copies);
    await refreshDerived(trx, newId);
    await upsertPovertyYear(trx, {
      org_id: row.org_id,
      household_id: newId,
      year,
      status: input.povertyStatus,
      source: 'edit',
      recorded_at: now,
    });
    await openHouseholdCell(trx, {
      org_id: row.org_id,
      household_id: newId,
      cell_id: row.cell_id,
      hamlet_id: hamletId,
      scope_path: row.scope_path,
      start_date: effectiveDate,
    });
    const version = await saveRow(change);
    await markPeopleLeft(
      trx,
      leaving.map((p) => p.id),
      now,
      'left',
      effectiveDate,
    );
    await refreshDerived(trx, id);
    if (input.assignTo) await assign(change, input.assignTo, next, input.reason);
    await recordHouseholdChanges(trx, {
      household: row,
      before,
      after: await readHouseholdBook(trx, id),
      actorId: actor.userId,
      source: 'edit',
      version,
      at: now,
    });
    await recordHouseholdChanges(trx, {
      household: next,
      before: null,
      after: await readHouseholdBook(trx, newId),
      actorId: actor.userId,
      source: 'edit',
      version: 1,
      at: now,
    });
    const link = { reason: input.reason, people: leaving.length };
    await recordEvent(change, row, version, 'household_split_off', null, {
      ...link,
      householdId: newId,
      code: input.code,
    });
    await recordEvent(change, next, 1, 'household_split_from', null, {
      ...link,
      householdId: id,
      code: row.code,
    });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'household',
      entityId: id,
      orgId: row.org_id,
      changes: {
        operation: 'split',
        effectiveDate,
        reason: input.reason,
        newHouseholdId: newId,
        people: leaving.length,
      },
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'household',
      entityId: newId,
      orgId: row.org_id,
      changes: { splitFromId: id, code: input.code, effectiveDate, assignTo: input.assignTo ?? null },
    });
    await finish(change);
  });
  return readHouseholdBook(db, newId);
}

/**
 * Nhập hộ: this household's people join `intoId` and this one ends, linked
 * to it. Its open help actions go with its people to the other book.
 */
export async function mergeHousehold(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: MergeHouseholdInput,
): Promise<Household> {
  await db.transaction().execute(async (trx) => {
    const change = await begin(trx, actor, id, input);
    const { row, effectiveDate, now } = change;
    const into = await loadHouseholdInScope(trx, actor, input.intoId);
    if (into.id === id || into.status !== 'active' || into.org_id !== row.org_id) {
      throw new AppError('HOUSEHOLD_MERGE_INVALID');
    }
    await requireAfterCurrentPlace(trx, into.id, effectiveDate);
    const intoChange: Change = { ...change, row: into };
    const before = await readHouseholdBook(trx, id);
    const intoBefore = await readHouseholdBook(trx, into.id);
    const living = (await listAllPeople(trx, id)).filter((p) => p.status === 'active');
    const intoPeople = await listAllPeople(trx, into.id);
    await settleAssignment(change, input.assignment, null, input.reason);
    const version = await endRecord(change, { ended_reason: 'merged', merged_into_id: into.id }, 'left');
    const intoVersion = await saveRow(intoChange);
    await insertPeople(trx, copiesOf(living, into, intoPeople.length, now));
    await refreshDerived(trx, into.id);
    await carryOpenHelpPlans(trx, id, into, null, now);
    change.cells.add(into.cell_id);
    for (const [household, was, v] of [
      [row, before, version],
      [into, intoBefore, intoVersion],
    ] as const) {
      await recordHouseholdChanges(trx, {
        household,
        before: was,
        after: await readHouseholdBook(trx, household.id),
        actorId: actor.userId,
        source: 'edit',
        version: v,
        at: now,
      });
    }
    const link = { reason: input.reason, people: living.length };
    await recordEvent(change, row, version, 'household_merged_into', null, {
      ...link,
      householdId: into.id,
      code: into.code,
    });
    await recordEvent(change, into, intoVersion, 'household_merged_in', null, {
      ...link,
      householdId: id,
      code: row.code,
    });
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'household',
      entityId: id,
      orgId: row.org_id,
      changes: {
        operation: 'merge',
        effectiveDate,
        reason: input.reason,
        intoId: into.id,
        people: living.length,
      },
    });
    await finish(change);
  });
  return readHouseholdBook(db, input.intoId);
}

const peopleStatusOnEnd = { moved_away: 'moved_away', all_died: 'deceased', other: 'left' } as const;

/** Hộ không còn: the household ends; it stays in the figures of the dates it existed. */
export async function endHousehold(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: EndHouseholdInput,
): Promise<Household> {
  await db.transaction().execute(async (trx) => {
    const change = await begin(trx, actor, id, input);
    const { row, effectiveDate, now } = change;
    const before = await readHouseholdBook(trx, id);
    await settleAssignment(change, input.assignment, null, input.reason);
    const version = await endRecord(change, { ended_reason: input.kind }, peopleStatusOnEnd[input.kind]);
    await dropOpenHelpActions(trx, id, 'Hộ không còn', now);
    await recordHouseholdChanges(trx, {
      household: row,
      before,
      after: await readHouseholdBook(trx, id),
      actorId: actor.userId,
      source: 'edit',
      version,
      at: now,
    });
    await recordEvent(change, row, version, 'household_ended', null, {
      reason: input.reason,
      kind: input.kind,
    });
    await recordAudit(trx, actor, {
      action: 'end',
      entity: 'household',
      entityId: id,
      orgId: row.org_id,
      changes: { effectiveDate, reason: input.reason, kind: input.kind },
    });
    await finish(change);
  });
  return readHouseholdBook(db, id);
}
