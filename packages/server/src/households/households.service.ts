import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  foldVietnamese,
  householdBookFields,
  isCellKind,
  keepHiddenValues,
  redactHousehold,
  todayInVietnam,
  type ChangeSource,
  type CreateHouseholdInput,
  type Household,
  type HouseholdBookFieldKey,
  type HouseholdListQuery,
  type HouseholdSummary,
  type UnitKind,
  type UpdateHouseholdInput,
} from '@caunoi/domain';
import { inScope, isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { fromBool, nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { applyOnce } from '../sync/apply-once.js';
import { loadUnitInScope } from '../units/units.service.js';
import { openHouseholdCellsSinceCellStart } from '../household-lifecycle/household-cells.repository.js';
import { syncWorkingAway } from './household-away.js';
import { readHouseholdBook } from './household-book.js';
import { bookColumnOf, listAllPeople, toColumnValue } from './household-book.repository.js';
import { saveYearlyRecords } from './household-yearly.js';
import { householdConflict } from './household-conflict.js';
import { rejectPossibleDuplicates } from './household-duplicates.js';
import { recordHouseholdChanges } from './household-history.js';
import { insertNewPeople, replacePeople } from './household-people.js';
import {
  findHouseholdRow,
  householdCodeTaken,
  insertHousehold,
  isAssignedTo,
  listHouseholds as listHouseholdRows,
  toHouseholdSummary,
  updateHouseholdDerived,
  updateHouseholdRow,
  upsertPovertyYear,
  type HouseholdRow,
} from './households.repository.js';

/**
 * A household the actor may see, or 404. Member accounts reach only the
 * households assigned to them today; the other roles their subtree.
 */
export async function loadHouseholdInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<HouseholdRow> {
  const row = await findHouseholdRow(db, id);
  if (!row || !inScope(actor, row.scope_path)) throw new AppError('HOUSEHOLD_NOT_FOUND');
  if (isMemberOnly(actor)) {
    if (!actor.memberId || !(await isAssignedTo(db, id, actor.memberId, todayInVietnam()))) {
      throw new AppError('HOUSEHOLD_NOT_FOUND');
    }
  }
  return row;
}

/** Everything the search looks through, folded once on write. */
export function searchText(
  code: string,
  headName: string,
  address: string,
  people: { fullName: string }[],
): string {
  return foldVietnamese([code, headName, address, ...people.map((p) => p.fullName)].join(' '));
}

export async function listHouseholds(
  db: Kysely<DB>,
  actor: Actor,
  query: HouseholdListQuery,
): Promise<HouseholdSummary[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const memberId = isMemberOnly(actor) ? (actor.memberId ?? 'none') : query.memberId;
  const rows = await listHouseholdRows(db, {
    path,
    memberId,
    folded: query.q ? foldVietnamese(query.q) : undefined,
    povertyStatus: query.povertyStatus,
    needsHelp: query.needsHelp === undefined ? undefined : query.needsHelp === 'true',
    assigned: query.assigned === undefined ? undefined : query.assigned === 'true',
    byNeed: query.sort === 'need',
    onDate: todayInVietnam(),
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toHouseholdSummary);
}

/** Opening a household's book is itself recorded (DESIGN.md §1, privacy). */
export async function getHousehold(db: Kysely<DB>, actor: Actor, id: string): Promise<Household> {
  const row = await loadHouseholdInScope(db, actor, id);
  await recordAudit(db, actor, { action: 'read', entity: 'household', entityId: id, orgId: row.org_id });
  return redactHousehold(await readHouseholdBook(db, id), actor.role);
}

/**
 * The book as GET /households/:id answers it, without that GET's audit row:
 * for a caller that records its own, once for many books (the caseload sync).
 */
export async function readHouseholdUnaudited(db: Kysely<DB>, actor: Actor, id: string): Promise<Household> {
  await loadHouseholdInScope(db, actor, id);
  return redactHousehold(await readHouseholdBook(db, id), actor.role);
}

/** The book columns a create or a PATCH sets, with policy_family kept in step with its type. */
function bookColumns(
  input: Partial<Record<HouseholdBookFieldKey, unknown>> & { policyFamily?: boolean | undefined },
  current: { policy_family: number; policy_family_type: string | null } | null,
) {
  const values: Record<string, string | number | null> = {};
  for (const key of Object.keys(householdBookFields) as HouseholdBookFieldKey[]) {
    if (input[key] !== undefined) values[bookColumnOf[key]] = toColumnValue(input[key]);
  }
  // A type means a policy family; "not a policy family" clears the type.
  if (input.policyFamilyType !== undefined && input.policyFamilyType !== null) {
    values.policy_family = 1;
  } else if (input.policyFamily !== undefined) {
    values.policy_family = fromBool(input.policyFamily);
    if (!input.policyFamily) values.policy_family_type = null;
  } else if (input.policyFamilyType === null && current?.policy_family_type) {
    values.policy_family = 0;
  }
  return values;
}

export async function createHousehold(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateHouseholdInput,
): Promise<Household> {
  requirePermission(actor, 'household.write');
  // A member records households through their cell; new households come from the cell or above.
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const cell = await loadUnitInScope(trx, actor, input.cellId);
    if (!isCellKind(cell.kind as UnitKind) || cell.org_id === null) throw new AppError('NOT_A_CELL');
    let hamletId: number | null = cell.hamlet_id;
    if (input.hamletId) {
      const hamlet = await loadUnitInScope(trx, actor, input.hamletId);
      if (hamlet.kind !== 'hamlet') throw new AppError('NOT_A_HAMLET');
      hamletId = hamlet.id;
    }
    if (await findHouseholdRow(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    // Unique per organisation: another commune's code is free here, and a code of this commune outside the
    // caller's scope gets the same answer as one inside it, naming nothing but the field.
    if (await householdCodeTaken(trx, cell.org_id, input.code))
      throw new AppError('DUPLICATE_CODE', { field: 'code' });
    if (!input.confirmDuplicate) await rejectPossibleDuplicates(trx, actor, cell.org_id, input);
    const now = nowIso();
    const year = input.povertyYear ?? Number(todayInVietnam().slice(0, 4));
    const inserted = await insertHousehold(trx, {
      id,
      org_id: cell.org_id,
      cell_id: cell.id,
      hamlet_id: hamletId,
      scope_path: cell.path,
      code: input.code,
      head_name: input.headName,
      address: input.address,
      search_text: searchText(input.code, input.headName, input.address, input.people),
      poverty_status: input.povertyStatus,
      poverty_year: year,
      needs_help: fromBool(input.needsHelp),
      policy_family: fromBool(input.policyFamily),
      people_count: input.people.length,
      created_at: now,
      updated_at: now,
      ...bookColumns(input, null),
    });
    if (!inserted) throw new AppError('DUPLICATE_CODE', { field: 'code' });
    await openHouseholdCellsSinceCellStart(trx, [id]);
    await insertNewPeople(trx, cell.org_id, id, input.people, now);
    await upsertPovertyYear(trx, {
      org_id: cell.org_id,
      household_id: id,
      year,
      status: input.povertyStatus,
      source: 'edit',
      recorded_at: now,
    });
    await recordHouseholdChanges(trx, {
      household: { id, org_id: cell.org_id, scope_path: cell.path },
      before: null,
      after: await readHouseholdBook(trx, id),
      actorId: actor.userId,
      source: 'edit',
      version: 1,
      at: now,
    });
    const { confirmDuplicate: _confirm, ...changes } = input;
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'household',
      entityId: id,
      orgId: cell.org_id,
      changes,
    });
    await refreshCellCoverage(trx, [cell.id]);
  });
  return redactHousehold(await readHouseholdBook(db, id), actor.role);
}

function personSummary(p: Household['people'][number]) {
  return { id: p.id, fullName: p.fullName, relation: p.relation, birthYear: p.birthYear, sex: p.sex };
}

function duplicateIds(ids: (string | undefined)[], path: string): void {
  const given = ids.filter((x): x is string => x !== undefined);
  if (new Set(given).size !== given.length) {
    throw new AppError('VALIDATION_FAILED', { in: 'body', issues: [{ path, code: 'duplicate_id' }] });
  }
}

/**
 * Changes a household's book. The version the client started from must still
 * be current: otherwise 409 with the household as it is now and what changed
 * since, so the other person's change is never silently overwritten. Every
 * changed field becomes a history row in the same transaction.
 */
export async function updateHousehold(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateHouseholdInput,
): Promise<Household> {
  requirePermission(actor, 'household.write');
  // A phone resending this edit after a lost answer gets the book as it is now, not a 409 against itself.
  const write = {
    writeId: input.writeId,
    entity: 'household',
    entityId: id,
    replay: (trx: Kysely<DB>) => loadHouseholdInScope(trx, actor, id),
  };
  await applyOnce(db, actor, write, (trx) => applyHouseholdUpdate(trx, actor, id, input));
  return redactHousehold(await readHouseholdBook(db, id), actor.role);
}

/**
 * The body of a book change, inside the caller's transaction, returning how
 * many fields changed. A visit applies the changes made during it through
 * here with source 'visit' and its own id, so the visit and its changes land
 * together or not at all.
 */
export async function applyHouseholdUpdate(
  trx: Kysely<DB>,
  actor: Actor,
  id: string,
  given: UpdateHouseholdInput,
  origin: { source: ChangeSource; refId?: string } = { source: 'edit' },
): Promise<number> {
  // One person listed twice would be updated twice and counted twice.
  duplicateIds(
    (given.people ?? []).map((p) => p.id),
    '/people',
  );
  duplicateIds(
    (given.culturalTitles ?? []).map((c) => String(c.year)),
    '/culturalTitles',
  );
  duplicateIds(
    (given.commitments?.items ?? []).map((c) => c.itemId),
    '/commitments/items',
  );
  const row = await loadHouseholdInScope(trx, actor, id);
  if (row.status !== 'active') throw new AppError('HOUSEHOLD_ENDED');
  if (row.version !== given.version) throw await householdConflict(trx, id, given.version, actor.role);
  const now = nowIso();
  const today = todayInVietnam();
  const before = await readHouseholdBook(trx, id);
  const input = keepHiddenValues(given, [...before.people, ...before.formerPeople], actor.role);
  const everyone = await listAllPeople(trx, id);
  const headName = input.headName ?? row.head_name;
  const address = input.address ?? row.address;
  const values = {
    ...(input.headName === undefined ? {} : { head_name: input.headName }),
    ...(input.address === undefined ? {} : { address: input.address }),
    ...(input.povertyStatus === undefined ? {} : { poverty_status: input.povertyStatus }),
    ...(input.povertyYear === undefined ? {} : { poverty_year: input.povertyYear }),
    ...(input.needsHelp === undefined ? {} : { needs_help: fromBool(input.needsHelp) }),
    ...bookColumns(input, row),
    updated_at: now,
  };
  if (!(await updateHouseholdRow(trx, id, input.version, values))) {
    throw await householdConflict(trx, id, input.version, actor.role);
  }
  if (input.people) {
    const living = await replacePeople(trx, row.org_id, id, everyone, input.people, now, today);
    const names = (await listAllPeople(trx, id)).filter((p) => p.status === 'active');
    await updateHouseholdDerived(trx, id, {
      people_count: living,
      search_text: searchText(
        row.code,
        headName,
        address,
        names.map((p) => ({ fullName: p.full_name })),
      ),
    });
  } else if (input.headName !== undefined || input.address !== undefined) {
    await updateHouseholdDerived(trx, id, {
      search_text: searchText(row.code, headName, address, before.people),
    });
  }
  if (input.workingAway) {
    const personIds = new Set((await listAllPeople(trx, id)).map((p) => p.id));
    await syncWorkingAway(trx, row.org_id, id, personIds, input.workingAway, now, today);
  }
  if (input.povertyStatus !== undefined || input.povertyYear !== undefined) {
    await upsertPovertyYear(trx, {
      org_id: row.org_id,
      household_id: id,
      year: input.povertyYear ?? row.poverty_year,
      status: input.povertyStatus ?? row.poverty_status,
      source: origin.source,
      recorded_at: now,
    });
  }
  await saveYearlyRecords(trx, row.org_id, id, input, now);
  const after = await readHouseholdBook(trx, id);
  const {
    version: _v,
    writeId: _id,
    people: _p,
    workingAway: _w,
    culturalTitles: _c,
    commitments: _m,
    ...fields
  } = input;
  const changed = await recordHouseholdChanges(trx, {
    household: row,
    before,
    after,
    actorId: actor.userId,
    source: origin.source,
    refId: origin.refId ?? null,
    version: input.version + 1,
    at: now,
  });
  await recordAudit(trx, actor, {
    action: 'update',
    entity: 'household',
    entityId: id,
    orgId: row.org_id,
    // Field → [old, new] of what the request touched; household_changes holds the full diff.
    changes: {
      ...diff(
        {
          headName: row.head_name,
          address: row.address,
          povertyStatus: row.poverty_status,
          povertyYear: row.poverty_year,
          needsHelp: row.needs_help === 1,
          ...Object.fromEntries(
            Object.keys(householdBookFields).map((k) => [k, before[k as HouseholdBookFieldKey]]),
          ),
          policyFamily: row.policy_family === 1,
        },
        fields,
      ),
      ...(input.people ? { people: [before.people.map(personSummary), input.people] } : {}),
    },
  });
  await refreshCellCoverage(trx, [row.cell_id]);
  return changed;
}
