import type { Kysely, Selectable } from 'kysely';
import type { OversightAssignment, UnitKind } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { OversightAssignmentTable } from '../db/schema-cell-life.js';
import { underPath } from '../db/sql-helpers.js';

export type OversightRow = Selectable<OversightAssignmentTable>;
type OversightWithNames = OversightRow & {
  member_name: string;
  member_cell_name: string;
  unit_name: string;
  unit_kind: string;
};

export function toOversight(row: OversightWithNames): OversightAssignment {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    memberCellName: row.member_cell_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitKind: row.unit_kind as UnitKind,
    startDate: row.start_date,
    endDate: row.end_date,
    note: row.note,
    endReason: row.end_reason,
  };
}

function selectOversight(db: Kysely<DB>) {
  return db
    .selectFrom('oversight_assignments')
    .innerJoin('members', 'members.id', 'oversight_assignments.member_id')
    .innerJoin('org_units as member_cell', 'member_cell.id', 'members.cell_id')
    .innerJoin('org_units as unit', 'unit.id', 'oversight_assignments.unit_id')
    .selectAll('oversight_assignments')
    .select([
      'members.full_name as member_name',
      'member_cell.name as member_cell_name',
      'unit.name as unit_name',
      'unit.kind as unit_kind',
    ]);
}

export async function findOversight(db: Kysely<DB>, id: string): Promise<OversightWithNames | undefined> {
  return selectOversight(db).where('oversight_assignments.id', '=', id).executeTakeFirst();
}

export async function listOversightUnder(
  db: Kysely<DB>,
  filter: {
    path: string;
    memberId?: string | undefined;
    activeOn?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<OversightWithNames[]> {
  let query = selectOversight(db).where((eb) =>
    underPath(eb.ref('oversight_assignments.unit_path'), filter.path),
  );
  if (filter.memberId) query = query.where('oversight_assignments.member_id', '=', filter.memberId);
  if (filter.activeOn) {
    const on = filter.activeOn;
    query = query
      .where('oversight_assignments.start_date', '<=', on)
      .where((eb) =>
        eb.or([
          eb('oversight_assignments.end_date', 'is', null),
          eb('oversight_assignments.end_date', '>=', on),
        ]),
      );
  }
  return query
    .orderBy('unit.path')
    .orderBy('oversight_assignments.start_date', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

/** The member's assignments for the unit that reach into [from, to] (to null: open-ended). */
export async function oversightOverlapping(
  db: Kysely<DB>,
  memberId: string,
  unitId: number,
  from: string,
  to: string | null,
): Promise<OversightRow[]> {
  let query = db
    .selectFrom('oversight_assignments')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('unit_id', '=', unitId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]));
  if (to !== null) query = query.where('start_date', '<=', to);
  return query.execute();
}

/** True when the member was assigned to oversee one of these units on the date. */
export async function oversees(
  db: Kysely<DB>,
  memberId: string,
  unitIds: number[],
  date: string,
): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const row = await db
    .selectFrom('oversight_assignments')
    .select('id')
    .where('member_id', '=', memberId)
    .where('unit_id', 'in', unitIds)
    .where('start_date', '<=', date)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertOversight(db: Kysely<DB>, row: OversightAssignmentTable): Promise<void> {
  await db.insertInto('oversight_assignments').values(row).execute();
}

export async function endOversightRow(
  db: Kysely<DB>,
  id: string,
  endDate: string,
  reason: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('oversight_assignments')
    .set({ end_date: endDate, end_reason: reason, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Units in the subtree (the root itself left out) of the given kinds that
 * exist on the date and have no overseer on it.
 */
export async function unitsWithoutOverseer(
  db: Kysely<DB>,
  rootId: number,
  path: string,
  kinds: readonly string[],
  onDate: string,
): Promise<
  { id: number; name: string; kind: string; parent_id: number | null; parent_name: string | null }[]
> {
  return db
    .selectFrom('org_units as unit')
    .leftJoin('org_units as parent', 'parent.id', 'unit.parent_id')
    .select(['unit.id', 'unit.name', 'unit.kind', 'unit.parent_id', 'parent.name as parent_name'])
    .where((eb) => underPath(eb.ref('unit.path'), path))
    .where('unit.id', '!=', rootId)
    .where('unit.kind', 'in', [...kinds])
    .where('unit.valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('unit.valid_to', 'is', null), eb('unit.valid_to', '>=', onDate)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('oversight_assignments')
            .select('oversight_assignments.id')
            .whereRef('oversight_assignments.unit_id', '=', 'unit.id')
            .where('oversight_assignments.start_date', '<=', onDate)
            .where((w) =>
              w.or([
                w('oversight_assignments.end_date', 'is', null),
                w('oversight_assignments.end_date', '>=', onDate),
              ]),
            ),
        ),
      ),
    )
    .orderBy('unit.path')
    .execute();
}
