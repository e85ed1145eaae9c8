import type { Kysely, Selectable } from 'kysely';
import type { FourGoodCatalogue, FourGoodCriterion, FourGoodRegistration } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type {
  FourGoodCatalogueTable,
  FourGoodRegistrationTable,
  HouseholdModelRegistrationTable,
} from '../db/schema-yearly.js';
import { toCount, underPath } from '../db/sql-helpers.js';

type Db = Kysely<DB>;

type CatalogueRow = Selectable<FourGoodCatalogueTable>;

/** The criteria of some catalogue versions, in their order, by version id. */
export async function criteriaOf(db: Db, catalogueIds: string[]): Promise<Map<string, FourGoodCriterion[]>> {
  const byId = new Map<string, FourGoodCriterion[]>(catalogueIds.map((id) => [id, []]));
  if (catalogueIds.length === 0) return byId;
  const rows = await db
    .selectFrom('four_good_criteria')
    .select(['catalogue_id', 'code', 'text'])
    .where('catalogue_id', 'in', [...new Set(catalogueIds)])
    .orderBy('position')
    .execute();
  for (const r of rows) byId.get(r.catalogue_id)?.push({ code: r.code, text: r.text });
  return byId;
}

export function toCatalogue(row: CatalogueRow, criteria: FourGoodCriterion[]): FourGoodCatalogue {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    source: row.source,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    criteria,
  };
}

/** The version in force on a date, with its criteria. */
export async function catalogueValidOn(db: Db, date: string): Promise<FourGoodCatalogue | null> {
  const row = await db
    .selectFrom('four_good_catalogues')
    .selectAll()
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return toCatalogue(row, (await criteriaOf(db, [row.id])).get(row.id)!);
}

/** Every version, the newest first. */
export async function listCatalogues(db: Db): Promise<FourGoodCatalogue[]> {
  const rows = await db
    .selectFrom('four_good_catalogues')
    .selectAll()
    .orderBy('valid_from', 'desc')
    .execute();
  const criteria = await criteriaOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCatalogue(r, criteria.get(r.id)!));
}

/** The latest version by start date, whatever its end. */
export async function latestCatalogue(db: Db) {
  return db
    .selectFrom('four_good_catalogues')
    .select(['id', 'valid_from', 'valid_to'])
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

export async function endCatalogue(db: Db, id: string, validTo: string): Promise<void> {
  await db.updateTable('four_good_catalogues').set({ valid_to: validTo }).where('id', '=', id).execute();
}

/** Writes a version and its criteria (in the order given). */
export async function insertCatalogue(
  db: Db,
  c: Omit<FourGoodCatalogue, 'validTo'>,
  newId: () => string,
  now: string,
): Promise<void> {
  await db
    .insertInto('four_good_catalogues')
    .values({
      id: c.id,
      code: c.code,
      name: c.name,
      source: c.source,
      valid_from: c.validFrom,
      valid_to: null,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('four_good_criteria')
    .values(c.criteria.map((k, position) => ({ id: newId(), catalogue_id: c.id, position, ...k })))
    .execute();
}

export function toRegistration(
  row: Selectable<FourGoodRegistrationTable> & { unit_name: string },
  criteria: FourGoodCriterion[],
): FourGoodRegistration {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    year: row.year,
    catalogueId: row.catalogue_id,
    criteria,
    registeredOn: row.registered_on,
    results: row.results === null ? null : (JSON.parse(row.results) as Record<string, boolean>),
    achieved: row.achieved === null ? null : row.achieved === 1,
    note: row.note,
  };
}

function selectRegistrations(db: Db) {
  return db
    .selectFrom('four_good_registrations')
    .innerJoin('org_units as unit', 'unit.id', 'four_good_registrations.unit_id')
    .selectAll('four_good_registrations')
    .select('unit.name as unit_name');
}

export async function listRegistrations(db: Db, path: string, year: number) {
  return selectRegistrations(db)
    .where((eb) => underPath(eb.ref('four_good_registrations.scope_path'), path))
    .where('four_good_registrations.year', '=', year)
    .execute();
}

export async function findRegistration(db: Db, orgId: number, unitId: number, year: number) {
  return selectRegistrations(db)
    .where('four_good_registrations.org_id', '=', orgId)
    .where('four_good_registrations.unit_id', '=', unitId)
    .where('four_good_registrations.year', '=', year)
    .executeTakeFirst();
}

export async function insertRegistration(db: Db, row: FourGoodRegistrationTable): Promise<void> {
  await db.insertInto('four_good_registrations').values(row).execute();
}

export async function updateRegistration(
  db: Db,
  id: string,
  values: Pick<FourGoodRegistrationTable, 'registered_on' | 'results' | 'achieved' | 'note' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('four_good_registrations').set(values).where('id', '=', id).execute();
}

export async function findModelRegistration(db: Db, orgId: number, cellId: number, memberId: string | null) {
  let query = db
    .selectFrom('household_model_registrations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('cell_id', '=', cellId);
  query = memberId === null ? query.where('member_id', 'is', null) : query.where('member_id', '=', memberId);
  return query.executeTakeFirst();
}

export async function insertModelRegistration(db: Db, row: HouseholdModelRegistrationTable): Promise<void> {
  await db.insertInto('household_model_registrations').values(row).execute();
}

/**
 * The household model per cell of a subtree by the year's end: the cells that
 * registered it, their members active then, and how many of those registered.
 */
export async function householdModelByCell(db: Db, path: string, yearEnd: string) {
  const [cells, members, registered] = await Promise.all([
    db
      .selectFrom('household_model_registrations')
      .select('cell_id')
      .where((eb) => underPath(eb.ref('scope_path'), path))
      .where('member_id', 'is', null)
      .where('registered_on', '<=', yearEnd)
      .execute(),
    db
      .selectFrom('members')
      .select((eb) => ['cell_id', eb.fn.countAll().as('n')])
      .where((eb) => underPath(eb.ref('scope_path'), path))
      .where('active_from', '<=', yearEnd)
      .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', yearEnd)]))
      .groupBy('cell_id')
      .execute(),
    db
      .selectFrom('household_model_registrations as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .select((eb) => ['r.cell_id', eb.fn.countAll().as('n')])
      .where((eb) => underPath(eb.ref('r.scope_path'), path))
      .where('r.registered_on', '<=', yearEnd)
      .where('m.active_from', '<=', yearEnd)
      .where((eb) => eb.or([eb('m.active_to', 'is', null), eb('m.active_to', '>=', yearEnd)]))
      .groupBy('r.cell_id')
      .execute(),
  ]);
  const count = (rows: { cell_id: number; n: unknown }[], cellId: number) =>
    toCount(rows.find((r) => r.cell_id === cellId)?.n as number | string | undefined);
  return (cellId: number) => ({
    registered: cells.some((c) => c.cell_id === cellId),
    members: count(members, cellId),
    membersRegistered: count(registered, cellId),
  });
}

/** A cell's own model registration and its members' (any date: the caller compares with the year). */
export async function modelRegistrationsOfCell(db: Db, cellId: number) {
  return db
    .selectFrom('household_model_registrations')
    .select(['member_id', 'registered_on'])
    .where('cell_id', '=', cellId)
    .execute();
}
