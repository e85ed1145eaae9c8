import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  foldVietnamese,
  isCellKind,
  todayInVietnam,
  type CreateHouseholdInput,
  type Household,
  type HouseholdListQuery,
  type HouseholdSummary,
  type PersonInput,
  type UnitKind,
  type UpdateHouseholdInput,
} from '@caunoi/domain';
import { inScope, isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { fromBool, nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import { readHouseholdBook } from './household-book.js';
import {
  findHouseholdRow,
  householdCodeTaken,
  insertHousehold,
  insertPeople,
  isAssignedTo,
  listHouseholds as listHouseholdRows,
  listPeople,
  markPeopleLeft,
  toHouseholdSummary,
  updateHouseholdRow,
  updatePerson,
  upsertPovertyYear,
  type HouseholdRow,
  type PersonRow,
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
function searchText(code: string, headName: string, address: string, people: { fullName: string }[]): string {
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
    onDate: todayInVietnam(),
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toHouseholdSummary);
}

const readHousehold = readHouseholdBook;

/** Opening a household's book is itself recorded (DESIGN.md §1, privacy). */
export async function getHousehold(db: Kysely<DB>, actor: Actor, id: string): Promise<Household> {
  const row = await loadHouseholdInScope(db, actor, id);
  await recordAudit(db, actor, { action: 'read', entity: 'household', entityId: id, orgId: row.org_id });
  return readHousehold(db, id);
}

function personRows(orgId: number, householdId: string, people: PersonInput[], now: string) {
  return people.map((p, position) => ({
    id: p.id ?? uuidv7(),
    org_id: orgId,
    household_id: householdId,
    full_name: p.fullName,
    name_folded: foldVietnamese(p.fullName),
    relation: p.relation,
    birth_year: p.birthYear ?? null,
    sex: p.sex ?? null,
    position,
    created_at: now,
    updated_at: now,
  }));
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
    if (await householdCodeTaken(trx, input.code)) throw new AppError('DUPLICATE_CODE', { field: 'code' });
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
    });
    if (!inserted) throw new AppError('DUPLICATE_CODE', { field: 'code' });
    // People of a new household always get fresh ids: a client id must not collide with another household's person.
    await insertPeople(
      trx,
      personRows(
        cell.org_id,
        id,
        input.people.map((p) => ({ ...p, id: undefined })),
        now,
      ),
    );
    await upsertPovertyYear(trx, {
      org_id: cell.org_id,
      household_id: id,
      year,
      status: input.povertyStatus,
      source: 'edit',
      recorded_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'household',
      entityId: id,
      orgId: cell.org_id,
      changes: input,
    });
  });
  return readHousehold(db, id);
}

export async function updateHousehold(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateHouseholdInput,
): Promise<Household> {
  requirePermission(actor, 'household.write');
  // One person listed twice would be updated twice and counted twice.
  const personIds = (input.people ?? []).flatMap((p) => (p.id ? [p.id] : []));
  if (new Set(personIds).size !== personIds.length) {
    throw new AppError('VALIDATION_FAILED', {
      in: 'body',
      issues: [{ path: '/people', code: 'duplicate_id' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    const row = await loadHouseholdInScope(trx, actor, id);
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const now = nowIso();
    const before = await listPeople(trx, id);
    const people = input.people ?? before.map(personInputOf);
    const headName = input.headName ?? row.head_name;
    const address = input.address ?? row.address;
    const values = {
      ...(input.headName === undefined ? {} : { head_name: input.headName }),
      ...(input.address === undefined ? {} : { address: input.address }),
      ...(input.povertyStatus === undefined ? {} : { poverty_status: input.povertyStatus }),
      ...(input.povertyYear === undefined ? {} : { poverty_year: input.povertyYear }),
      ...(input.needsHelp === undefined ? {} : { needs_help: fromBool(input.needsHelp) }),
      ...(input.policyFamily === undefined ? {} : { policy_family: fromBool(input.policyFamily) }),
      people_count: people.length,
      search_text: searchText(row.code, headName, address, people),
      updated_at: now,
    };
    if (!(await updateHouseholdRow(trx, id, input.version, values))) throw new AppError('VERSION_CONFLICT');
    if (input.people) await replacePeople(trx, row.org_id, id, before, input.people, now);
    if (input.povertyStatus !== undefined || input.povertyYear !== undefined) {
      await upsertPovertyYear(trx, {
        org_id: row.org_id,
        household_id: id,
        year: input.povertyYear ?? row.poverty_year,
        status: input.povertyStatus ?? row.poverty_status,
        source: 'edit',
        recorded_at: now,
      });
    }
    const { version: _version, people: _people, ...fields } = input;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'household',
      entityId: id,
      orgId: row.org_id,
      changes: {
        ...diff(
          {
            headName: row.head_name,
            address: row.address,
            povertyStatus: row.poverty_status,
            povertyYear: row.poverty_year,
            needsHelp: row.needs_help === 1,
            policyFamily: row.policy_family === 1,
          },
          fields,
        ),
        ...(input.people ? { people: [before.map(personInputOf), input.people] } : {}),
      },
    });
  });
  return readHousehold(db, id);
}

function personInputOf(row: PersonRow): PersonInput {
  return {
    id: row.id,
    fullName: row.full_name,
    relation: row.relation as PersonInput['relation'],
    birthYear: row.birth_year,
    sex: row.sex as PersonInput['sex'],
  };
}

/** People keep their ids across edits; those no longer listed are marked as left. */
async function replacePeople(
  db: Kysely<DB>,
  orgId: number,
  householdId: string,
  before: PersonRow[],
  people: PersonInput[],
  now: string,
): Promise<void> {
  const known = new Set(before.map((p) => p.id));
  // An id this household does not know is treated as a new person, never as a key into another household.
  const rows = personRows(
    orgId,
    householdId,
    people.map((p) => (p.id && known.has(p.id) ? p : { ...p, id: undefined })),
    now,
  );
  const kept = new Set<string>();
  const added = [];
  for (const row of rows) {
    if (known.has(row.id)) {
      kept.add(row.id);
      const { id, org_id: _o, household_id: _h, created_at: _c, ...values } = row;
      await updatePerson(db, id, values);
    } else {
      added.push(row);
    }
  }
  await insertPeople(db, added);
  await markPeopleLeft(
    db,
    before.filter((p) => !kept.has(p.id)).map((p) => p.id),
    now,
  );
}
