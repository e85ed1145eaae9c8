import { sql, type Kysely } from 'kysely';
import { cellKinds } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { toCount, underPath } from '../db/sql-helpers.js';
import type { RecordRow, Slice } from './dashboard.repository.js';

/*
 * The records behind the dashboard's shares ("160 / 245", "38 / 40"): the
 * whole that the share is taken of, each record's `detail` saying whether and
 * how it counts. Each list uses the definition of the figure it opens
 * (coverage's for members assigned, `yearlyFigures`' for the yearly ones).
 */

type Db = Kysely<DB>;

/** Members active on `date` under `path`, with how many households each follows that day ('0' for none). */
export async function listMembersWithLoad(
  db: Db,
  path: string,
  date: string,
  slice: Slice,
): Promise<RecordRow[]> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('org_units as cell', 'cell.id', 'members.cell_id')
    .select((eb) => [
      'members.id',
      'members.code',
      'members.full_name as label',
      'cell.name as cell_name',
      eb
        .selectFrom('assignments')
        .select((sub) => sub.fn.countAll().as('n'))
        .whereRef('assignments.member_id', '=', 'members.id')
        .where('assignments.start_date', '<=', date)
        .where((sub) =>
          sub.or([sub('assignments.end_date', 'is', null), sub('assignments.end_date', '>=', date)]),
        )
        .as('load'),
    ])
    .where((eb) => underPath(eb.ref('members.scope_path'), path))
    .where('members.active_from', '<=', date)
    .where((eb) => eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', date)]))
    .orderBy('members.code')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  return rows.map(({ load, ...r }) => ({ ...r, detail: String(toCount(load as number | string | null)) }));
}

function cellsAtYearEnd(db: Db, path: string, yearEnd: string) {
  return db
    .selectFrom('org_units as u')
    .leftJoin('org_units as parent', 'parent.id', 'u.parent_id')
    .where((eb) => underPath(eb.ref('u.path'), path))
    .where('u.kind', 'in', [...cellKinds])
    .where('u.valid_from', '<=', yearEnd)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', yearEnd)]));
}

/** Cells that existed at the end of `year`, with their decided result level (null: not rated). */
export async function listCellRatings(
  db: Db,
  path: string,
  year: number,
  slice: Slice,
): Promise<RecordRow[]> {
  const rows = await cellsAtYearEnd(db, path, `${year}-12-31`)
    .leftJoin('unit_results as r', (join) => join.onRef('r.unit_id', '=', 'u.id').on('r.year', '=', year))
    .select(['u.id', 'u.code', 'u.name as label', 'parent.name as cell_name', 'r.level as detail'])
    .orderBy('u.code')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id), cell_name: r.cell_name ?? '' }));
}

/** Cells that existed at the end of `year`: 'registered' when the cell registered the household model by then. */
export async function listHouseholdModelCells(
  db: Db,
  path: string,
  year: number,
  slice: Slice,
): Promise<RecordRow[]> {
  const yearEnd = `${year}-12-31`;
  const rows = await cellsAtYearEnd(db, path, yearEnd)
    .select((eb) => [
      'u.id',
      'u.code',
      'u.name as label',
      'parent.name as cell_name',
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('household_model_registrations as m')
              .select('m.id')
              .whereRef('m.cell_id', '=', 'u.id')
              .where('m.member_id', 'is', null)
              .where('m.registered_on', '<=', yearEnd),
          ),
        )
        .then(sql.lit('registered'))
        .else(sql.lit('not_registered'))
        .end()
        .as('detail'),
    ])
    .orderBy('u.code')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id), cell_name: r.cell_name ?? '' }));
}

/** Members active at the end of `year`, with their decided rating's level (null: not decided). */
export async function listMemberRatings(
  db: Db,
  path: string,
  year: number,
  slice: Slice,
): Promise<RecordRow[]> {
  const yearEnd = `${year}-12-31`;
  return db
    .selectFrom('members')
    .innerJoin('org_units as cell', 'cell.id', 'members.cell_id')
    .leftJoin('ratings as r', (join) =>
      join
        .onRef('r.member_id', '=', 'members.id')
        .on('r.subject', '=', 'member')
        .on('r.year', '=', year)
        .on('r.state', '=', 'decided'),
    )
    .select([
      'members.id',
      'members.code',
      'members.full_name as label',
      'cell.name as cell_name',
      'r.level as detail',
    ])
    .where((eb) => underPath(eb.ref('members.scope_path'), path))
    .where('members.active_from', '<=', yearEnd)
    .where((eb) => eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', yearEnd)]))
    .orderBy('members.code')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
}

/** The resolution's indicators for `year`, achieved as `yearlyFigures` judges them. */
export async function listResolutionIndicators(
  db: Db,
  path: string,
  year: number,
  slice: Slice,
): Promise<RecordRow[]> {
  const rows = await db
    .selectFrom('resolution_indicators as i')
    .innerJoin('org_units as u', 'u.id', 'i.unit_id')
    .select([
      'i.id',
      'i.position',
      'i.name as label',
      'u.name as cell_name',
      'i.comparison',
      'i.target_value',
      'i.actual_value',
      'i.achieved_manual',
    ])
    .where((eb) => underPath(eb.ref('i.scope_path'), path))
    .where('i.year', '=', year)
    .orderBy('u.code')
    .orderBy('i.position')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  return rows.map((i) => {
    const achieved =
      i.target_value !== null && i.actual_value !== null
        ? i.comparison === 'at_most'
          ? Number(i.actual_value) <= Number(i.target_value)
          : Number(i.actual_value) >= Number(i.target_value)
        : i.achieved_manual === 1;
    return {
      id: i.id,
      code: String(i.position),
      label: i.label,
      cell_name: i.cell_name,
      detail: achieved ? 'achieved' : 'not_achieved',
    };
  });
}

/** The new-rural criteria results for `year`. */
export async function listNewRuralCriteria(
  db: Db,
  path: string,
  year: number,
  slice: Slice,
): Promise<RecordRow[]> {
  const rows = await db
    .selectFrom('ntm_results as n')
    .innerJoin('ntm_criteria as c', 'c.id', 'n.criterion_id')
    .innerJoin('org_units as u', 'u.id', 'n.unit_id')
    .select(['n.unit_id', 'n.criterion_id', 'c.code', 'c.name as label', 'u.name as cell_name', 'n.achieved'])
    .where((eb) => underPath(eb.ref('n.scope_path'), path))
    .where('n.year', '=', year)
    .orderBy('u.code')
    .orderBy('c.position')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  return rows.map((n) => ({
    id: `${n.unit_id}:${n.criterion_id}`,
    code: n.code,
    label: n.label,
    cell_name: n.cell_name,
    detail: n.achieved === 1 ? 'achieved' : 'not_achieved',
  }));
}

/** Skilful mass-mobilisation models of `year`: code is the holder, detail the kind. */
export async function listModels(db: Db, path: string, year: number, slice: Slice): Promise<RecordRow[]> {
  return db
    .selectFrom('mass_mobilisation_models as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.holder as code', 'm.title as label', 'u.name as cell_name', 'm.kind as detail'])
    .where((eb) => underPath(eb.ref('m.scope_path'), path))
    .where('m.year', '=', year)
    .orderBy('u.code')
    .orderBy('m.title')
    .orderBy('m.id')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
}
