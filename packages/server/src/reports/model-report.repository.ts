import { sql, type Kysely } from 'kysely';
import { cellKinds } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { toCount, underPath } from '../db/sql-helpers.js';

type Db = Kysely<DB>;

/** Cells under `path` that exist on `onDate`, with their paths (to place each under a report row). */
export async function listCellsWithPath(
  db: Db,
  path: string,
  onDate: string,
): Promise<{ id: number; path: string }[]> {
  return db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', [...cellKinds])
    .where('valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]))
    .orderBy('id')
    .execute();
}

export interface CellCategoryCounts {
  cell_id: number;
  poor: number;
  poor_help: number;
  near_poor: number;
  near_poor_help: number;
  average: number;
  average_help: number;
  policy: number;
  policy_help: number;
}

/**
 * Active households of these cells by category (the household's current
 * recognised status, as the coverage figures take it) and how many need help.
 */
export async function countCategoriesOfCells(db: Db, cellIds: number[]): Promise<CellCategoryCounts[]> {
  if (cellIds.length === 0) return [];
  const both = (condition: ReturnType<typeof sql>) =>
    sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('households')
    .select([
      'cell_id',
      both(sql`poverty_status = 'poor'`).as('poor'),
      both(sql`poverty_status = 'poor' and needs_help = 1`).as('poor_help'),
      both(sql`poverty_status = 'near_poor'`).as('near_poor'),
      both(sql`poverty_status = 'near_poor' and needs_help = 1`).as('near_poor_help'),
      both(sql`poverty_status = 'average'`).as('average'),
      both(sql`poverty_status = 'average' and needs_help = 1`).as('average_help'),
      both(sql`policy_family = 1`).as('policy'),
      both(sql`policy_family = 1 and needs_help = 1`).as('policy_help'),
    ])
    .where('cell_id', 'in', cellIds)
    .where('status', '=', 'active')
    .groupBy('cell_id')
    .execute();
  return rows.map((r) => ({
    cell_id: r.cell_id,
    poor: toCount(r.poor),
    poor_help: toCount(r.poor_help),
    near_poor: toCount(r.near_poor),
    near_poor_help: toCount(r.near_poor_help),
    average: toCount(r.average),
    average_help: toCount(r.average_help),
    policy: toCount(r.policy),
    policy_help: toCount(r.policy_help),
  }));
}
