import { sql, type Kysely } from 'kysely';
import type { MemberStatus, PovertyStatus } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { toBool, toCount } from '../db/sql-helpers.js';
import { exemptOn } from '../members/member-exempt.js';

/** Households of these cells nobody follows on `date`: poor first, then near-poor, then those needing help. */
export async function unassignedHouseholds(
  db: Kysely<DB>,
  cellIds: readonly number[],
  date: string,
  limit: number,
) {
  if (cellIds.length === 0) return [];
  const rows = await db
    .selectFrom('households')
    .select(['id', 'code', 'head_name', 'cell_id', 'poverty_status', 'needs_help'])
    .where('cell_id', 'in', [...cellIds])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.household_id', '=', 'households.id')
            .where('assignments.start_date', '<=', date)
            .where((a) =>
              a.or([a('assignments.end_date', 'is', null), a('assignments.end_date', '>=', date)]),
            ),
        ),
      ),
    )
    .orderBy(sql`case poverty_status when 'poor' then 0 when 'near_poor' then 1 else 2 end`)
    .orderBy('needs_help', 'desc')
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    poverty_status: r.poverty_status as PovertyStatus,
    needs_help: toBool(r.needs_help),
  }));
}

/** Every member of these cells active on `date`, with the number of households they follow then. */
export async function memberLoadsInCells(db: Kysely<DB>, cellIds: readonly number[], date: string) {
  if (cellIds.length === 0) return [];
  const rows = await db
    .selectFrom('members')
    .leftJoin('assignments', (join) =>
      join
        .onRef('assignments.member_id', '=', 'members.id')
        .on('assignments.start_date', '<=', date)
        .on((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', date)])),
    )
    .select([
      'members.id',
      'members.code',
      'members.full_name',
      'members.cell_id',
      'members.org_id',
      'members.status',
      exemptOn(date).as('exempt'),
      (eb) => eb.fn.count('assignments.id').as('n'),
    ])
    .where('members.cell_id', 'in', [...cellIds])
    .where('members.active_from', '<=', date)
    .where((eb) => eb.or([eb('members.active_to', 'is', null), eb('members.active_to', '>=', date)]))
    .groupBy([
      'members.id',
      'members.code',
      'members.full_name',
      'members.cell_id',
      'members.org_id',
      'members.status',
      'members.exempt',
    ])
    .execute();
  return rows.map((r) => ({
    ...r,
    status: r.status as MemberStatus,
    exempt: toBool(r.exempt),
    n: toCount(r.n as number),
  }));
}
