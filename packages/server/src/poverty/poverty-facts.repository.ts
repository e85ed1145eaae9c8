import type { Kysely } from 'kysely';
import type { BookFacts } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { underPath } from '../db/sql-helpers.js';

export interface HouseholdFacts {
  householdId: string;
  orgId: number;
  code: string;
  headName: string;
  address: string;
  cellName: string;
  monthlyIncome: number | null;
  facts: BookFacts;
}

const bool = (value: number | null): boolean | null => (value === null ? null : value === 1);

function devicesOf(json: string | null): string[] | null {
  if (json === null) return null;
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : null;
}

/**
 * The book's facts of the active households under `path` (or the given ones):
 * one query for the households, one per 500 for their people.
 */
export async function loadHouseholdFacts(
  db: Kysely<DB>,
  filter: { path: string } | { householdIds: string[] },
): Promise<HouseholdFacts[]> {
  let query = db
    .selectFrom('households')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .select([
      'households.id',
      'households.org_id',
      'households.code',
      'households.head_name',
      'households.address',
      'cell.name as cell_name',
      'households.monthly_income',
      'households.wall_durable',
      'households.column_durable',
      'households.roof_durable',
      'households.floor_area_m2',
      'households.water_source',
      'households.latrine_type',
      'households.internet_use',
      'households.info_devices',
    ])
    .where('households.status', '=', 'active');
  if ('path' in filter) query = query.where((eb) => underPath(eb.ref('households.scope_path'), filter.path));
  else if (filter.householdIds.length === 0) return [];
  else query = query.where('households.id', 'in', filter.householdIds);
  const households = await query.orderBy('households.code').execute();

  const people = new Map<string, BookFacts['people']>();
  const ids = households.map((h) => h.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('household_people')
      .select([
        'household_id',
        'birth_year',
        'health_insurance',
        'in_school',
        'schooling_level',
        'working_capacity',
        'disability',
      ])
      .where('household_id', 'in', ids.slice(i, i + 500))
      .where('status', '=', 'active')
      .execute();
    for (const r of rows) {
      const list = people.get(r.household_id) ?? [];
      list.push({
        birthYear: r.birth_year,
        healthInsurance: bool(r.health_insurance),
        inSchool: bool(r.in_school),
        schoolingLevel: r.schooling_level,
        workingCapacity: r.working_capacity,
        disability: r.disability,
      });
      people.set(r.household_id, list);
    }
  }
  return households.map((h) => ({
    householdId: h.id,
    orgId: h.org_id,
    code: h.code,
    headName: h.head_name,
    address: h.address,
    cellName: h.cell_name,
    monthlyIncome: h.monthly_income === null ? null : Number(h.monthly_income),
    facts: {
      people: people.get(h.id) ?? [],
      wallDurable: bool(h.wall_durable),
      columnDurable: bool(h.column_durable),
      roofDurable: bool(h.roof_durable),
      floorAreaM2: h.floor_area_m2 === null ? null : Number(h.floor_area_m2),
      waterSource: h.water_source,
      latrineType: h.latrine_type,
      internetUse: bool(h.internet_use),
      infoDevices: devicesOf(h.info_devices),
    },
  }));
}
