import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  AwayEntry,
  AwayScope,
  CulturalTitle,
  CulturalTitleEntry,
  Disability,
  HouseholdCommitment,
  InfoDevice,
  LatrineType,
  Person,
  PersonStatus,
  PolicyFamilyType,
  RelationToHead,
  SchoolingLevel,
  Sex,
  Tenure,
  WaterSource,
  WorkingCapacity,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { HouseholdPersonAwayTable } from '../db/schema-households.js';
import { toBool } from '../db/sql-helpers.js';
import type { HouseholdRow, PersonRow } from './households.repository.js';

/*
 * Rows of the book's own tables (working away, cultural titles, yearly
 * commitments) and the mapping of the book columns to domain fields.
 */

const boolOrNull = (value: number | null): boolean | null => (value === null ? null : toBool(value));
export const fromBoolOrNull = (value: boolean | null): number | null =>
  value === null ? null : value ? 1 : 0;

/** The book's fields of a household row, as the domain names them. */
export function bookFieldsOf(row: HouseholdRow) {
  return {
    phone: row.phone,
    monthlyIncome: row.monthly_income === null ? null : Number(row.monthly_income),
    wallDurable: boolOrNull(row.wall_durable),
    columnDurable: boolOrNull(row.column_durable),
    roofDurable: boolOrNull(row.roof_durable),
    floorAreaM2: row.floor_area_m2 === null ? null : Number(row.floor_area_m2),
    tenure: row.tenure as Tenure | null,
    waterSource: row.water_source as WaterSource | null,
    latrineType: row.latrine_type as LatrineType | null,
    internetUse: boolOrNull(row.internet_use),
    infoDevices: row.info_devices === null ? null : (JSON.parse(row.info_devices) as InfoDevice[]),
    crops: row.crops,
    livestock: row.livestock,
    trade: row.trade,
    wageWork: row.wage_work,
    landAreaM2: row.land_area_m2 === null ? null : Number(row.land_area_m2),
    policyFamilyType: row.policy_family_type as PolicyFamilyType | null,
    needsHelpReason: row.needs_help_reason,
    elderlyAlone: toBool(row.vulnerable_elderly_alone),
    disabled: toBool(row.vulnerable_disabled),
    orphan: toBool(row.vulnerable_orphan),
    chronicallyIll: toBool(row.vulnerable_chronically_ill),
  };
}

/** Domain field → column, for the book fields a PATCH or a create may set. */
export const bookColumnOf = {
  phone: 'phone',
  monthlyIncome: 'monthly_income',
  wallDurable: 'wall_durable',
  columnDurable: 'column_durable',
  roofDurable: 'roof_durable',
  floorAreaM2: 'floor_area_m2',
  tenure: 'tenure',
  waterSource: 'water_source',
  latrineType: 'latrine_type',
  internetUse: 'internet_use',
  infoDevices: 'info_devices',
  crops: 'crops',
  livestock: 'livestock',
  trade: 'trade',
  wageWork: 'wage_work',
  landAreaM2: 'land_area_m2',
  policyFamilyType: 'policy_family_type',
  needsHelpReason: 'needs_help_reason',
  elderlyAlone: 'vulnerable_elderly_alone',
  disabled: 'vulnerable_disabled',
  orphan: 'vulnerable_orphan',
  chronicallyIll: 'vulnerable_chronically_ill',
} as const;

/** A domain value as stored: booleans 0/1, device lists JSON. */
export function toColumnValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value as string | number;
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    fullName: row.full_name,
    relation: row.relation as RelationToHead,
    birthYear: row.birth_year,
    sex: row.sex as Sex | null,
    ethnicity: row.ethnicity,
    occupation: row.occupation,
    schoolingLevel: row.schooling_level as SchoolingLevel | null,
    inSchool: boolOrNull(row.in_school),
    healthInsurance: boolOrNull(row.health_insurance),
    disability: row.disability as Disability | null,
    workingCapacity: row.working_capacity as WorkingCapacity | null,
    status: row.status as PersonStatus,
    leftOn: row.left_on,
  };
}

/** Everyone ever listed in the household, living there or not, in book order. */
export async function listAllPeople(db: Kysely<DB>, householdId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('household_people')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export type AwayRow = Selectable<HouseholdPersonAwayTable>;

export function toAwayEntry(row: AwayRow): AwayEntry {
  return {
    id: row.id,
    personId: row.person_id,
    destination: row.destination,
    scope: row.scope as AwayScope,
    address: row.address,
    since: row.since,
    work: row.work,
    returnedOn: row.returned_on,
  };
}

export async function listAway(db: Kysely<DB>, householdId: string): Promise<AwayRow[]> {
  return db
    .selectFrom('household_people_away')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertAway(
  db: Kysely<DB>,
  rows: Insertable<HouseholdPersonAwayTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('household_people_away').values(rows).execute();
}

export async function updateAway(
  db: Kysely<DB>,
  id: string,
  values: Omit<HouseholdPersonAwayTable, 'id' | 'org_id' | 'household_id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('household_people_away').set(values).where('id', '=', id).execute();
}

export async function endAway(db: Kysely<DB>, id: string, on: string, now: string): Promise<void> {
  await db
    .updateTable('household_people_away')
    .set({ returned_on: on, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function listPovertyYears(db: Kysely<DB>, householdId: string) {
  return db
    .selectFrom('household_poverty')
    .select(['year', 'status', 'source'])
    .where('household_id', '=', householdId)
    .orderBy('year')
    .execute();
}

export async function listCulturalTitles(db: Kysely<DB>, householdId: string): Promise<CulturalTitleEntry[]> {
  const rows = await db
    .selectFrom('household_cultural_titles')
    .select(['year', 'title'])
    .where('household_id', '=', householdId)
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: r.year, title: r.title as CulturalTitle }));
}

export async function upsertCulturalTitle(
  db: Kysely<DB>,
  values: { org_id: number; household_id: string; year: number; title: string; recorded_at: string },
): Promise<void> {
  await db
    .insertInto('household_cultural_titles')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'household_id', 'year'])
        .doUpdateSet({ title: values.title, recorded_at: values.recorded_at }),
    )
    .execute();
}

export async function listHouseholdCommitments(
  db: Kysely<DB>,
  householdId: string,
): Promise<HouseholdCommitment[]> {
  const rows = await db
    .selectFrom('household_commitments')
    .innerJoin('commitment_items', 'commitment_items.id', 'household_commitments.item_id')
    .select([
      'household_commitments.year',
      'household_commitments.item_id',
      'household_commitments.done',
      'household_commitments.done_on',
      'commitment_items.text',
    ])
    .where('household_commitments.household_id', '=', householdId)
    .orderBy('household_commitments.year')
    .orderBy('commitment_items.position')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    itemId: r.item_id,
    text: r.text,
    done: toBool(r.done),
    doneOn: r.done_on,
  }));
}

export async function upsertHouseholdCommitment(
  db: Kysely<DB>,
  values: {
    org_id: number;
    household_id: string;
    year: number;
    item_id: string;
    done: number;
    done_on: string | null;
    recorded_at: string;
  },
): Promise<void> {
  await db
    .insertInto('household_commitments')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'household_id', 'year', 'item_id'])
        .doUpdateSet({ done: values.done, done_on: values.done_on, recorded_at: values.recorded_at }),
    )
    .execute();
}
