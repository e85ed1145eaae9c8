import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CellRole, Member, MemberStatus, Sex } from '@caunoi/domain';
import type { DB, MemberTable } from '../db/schema.js';
import { containsFolded, isUniqueViolation, toBool, toCount, underPath } from '../db/sql-helpers.js';
import { exemptOn } from './member-exempt.js';

export type MemberRow = Selectable<MemberTable>;
type MemberWithCell = MemberRow & {
  cell_name: string;
  household_count: number | string | null;
  /** Exempt on the date read (`exemptOn`); the stored flag when the row was read without it. */
  exempt_on?: number | null;
};

export function toMember(row: MemberWithCell): Member {
  return {
    id: row.id,
    code: row.code,
    fullName: row.full_name,
    cellId: row.cell_id,
    cellName: row.cell_name,
    status: row.status as MemberStatus,
    role: row.role as CellRole,
    exempt: toBool(row.exempt_on ?? row.exempt),
    birthYear: row.birth_year,
    sex: row.sex as Sex | null,
    phone: row.phone,
    activeFrom: row.active_from,
    activeTo: row.active_to,
    officialFrom: row.official_from,
    leftKind: row.left_kind,
    movedFromId: row.moved_from_id,
    movedToId: row.moved_to_id,
    householdCount: toCount(row.household_count),
    version: row.version,
  };
}

function selectMembers(db: Kysely<DB>, onDate: string) {
  return db
    .selectFrom('members')
    .innerJoin('org_units as cell', 'cell.id', 'members.cell_id')
    .selectAll('members')
    .select('cell.name as cell_name')
    .select(exemptOn(onDate).as('exempt_on'))
    .select((eb) =>
      eb
        .selectFrom('assignments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('assignments.member_id', '=', 'members.id')
        .where('assignments.start_date', '<=', onDate)
        .where((w) => w.or([w('assignments.end_date', 'is', null), w('assignments.end_date', '>=', onDate)]))
        .as('household_count'),
    );
}

export async function findMemberById(
  db: Kysely<DB>,
  id: string,
  onDate: string,
): Promise<MemberWithCell | undefined> {
  return selectMembers(db, onDate).where('members.id', '=', id).executeTakeFirst();
}

export async function findMemberRow(db: Kysely<DB>, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listMembersUnder(
  db: Kysely<DB>,
  filter: { path: string; folded?: string | undefined; onDate: string; limit: number; offset: number },
): Promise<MemberWithCell[]> {
  let query = selectMembers(db, filter.onDate)
    .where((eb) => underPath(eb.ref('members.scope_path'), filter.path))
    .where('members.active_to', 'is', null);
  if (filter.folded) {
    for (const token of filter.folded.split(' ')) {
      query = query.where((eb) => containsFolded(eb.ref('members.name_folded'), token));
    }
  }
  return query
    .orderBy('members.scope_path')
    .orderBy('members.code')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** Codes are unique within a grassroots organisation (the unique index `members_org_code`). */
export async function memberCodeTaken(db: Kysely<DB>, orgId: number, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** False when a unique index refuses it: a simultaneous request took the code (or the id) first. */
export async function insertMember(db: Kysely<DB>, values: Insertable<MemberTable>): Promise<boolean> {
  try {
    await db.insertInto('members').values(values).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function insertMemberCell(
  db: Kysely<DB>,
  values: { id: string; org_id: number; member_id: string; cell_id: number; start_date: string },
): Promise<void> {
  await db
    .insertInto('member_cells')
    .values({ ...values, end_date: null })
    .execute();
}

export async function listMemberCells(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_cells')
    .innerJoin('org_units', 'org_units.id', 'member_cells.cell_id')
    .select([
      'member_cells.cell_id',
      'org_units.name as cell_name',
      'member_cells.start_date',
      'member_cells.end_date',
    ])
    .where('member_cells.member_id', '=', memberId)
    .orderBy('member_cells.start_date')
    .execute();
}

export async function updateMemberRow(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Omit<Updateable<MemberTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('members')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return toCount(result.numUpdatedRows) === 1;
}
