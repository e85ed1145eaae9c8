import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { toCount, underPath } from '../db/sql-helpers.js';

/*
 * The unit tree on a date. `org_units` holds each unit's current period;
 * `unit_versions` its closed past periods (code, name, parent, path). A unit
 * stands on date D as the version covering D, or as its current row when no
 * version ends on or after D.
 */

export interface DatedUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  path: string;
  org_id: number | null;
  valid_from: string;
  valid_to: string | null;
}

function validOn(date: string) {
  return sql<boolean>`org_units.valid_from <= ${date} and (org_units.valid_to is null or org_units.valid_to >= ${date})`;
}

async function versionsCovering(
  db: Kysely<DB>,
  date: string,
  where: { unitIds?: readonly number[]; under?: string; kinds?: readonly string[] },
): Promise<DatedUnit[]> {
  let query = db
    .selectFrom('unit_versions')
    .innerJoin('org_units', 'org_units.id', 'unit_versions.unit_id')
    .select([
      'org_units.id',
      'unit_versions.code',
      'unit_versions.name',
      'org_units.kind',
      'unit_versions.parent_id',
      'unit_versions.path',
      'org_units.org_id',
      'org_units.valid_from',
      'org_units.valid_to',
    ])
    .where('unit_versions.valid_from', '<=', date)
    .where('unit_versions.valid_to', '>=', date);
  if (where.unitIds) query = query.where('unit_versions.unit_id', 'in', [...where.unitIds, -1]);
  if (where.under !== undefined) query = query.where(underPath(sql.ref('unit_versions.path'), where.under));
  if (where.kinds) query = query.where('org_units.kind', 'in', [...where.kinds]);
  return query.execute();
}

async function currentRowsOn(
  db: Kysely<DB>,
  date: string,
  where: { unitIds?: readonly number[]; under?: string; kinds?: readonly string[]; validOnDate: boolean },
): Promise<DatedUnit[]> {
  let query = db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'kind', 'parent_id', 'path', 'org_id', 'valid_from', 'valid_to'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('unit_versions')
            .select('unit_versions.id')
            .whereRef('unit_versions.unit_id', '=', 'org_units.id')
            .where('unit_versions.valid_to', '>=', date),
        ),
      ),
    );
  if (where.validOnDate) query = query.where(validOn(date));
  if (where.unitIds) query = query.where('id', 'in', [...where.unitIds, -1]);
  if (where.under !== undefined) query = query.where(underPath(sql.ref('org_units.path'), where.under));
  if (where.kinds) query = query.where('kind', 'in', [...where.kinds]);
  return query.execute();
}

/** The unit with the code, name, parent and path it had on `date` (its current row when unchanged since). */
export async function unitOnDate(db: Kysely<DB>, id: number, date: string): Promise<DatedUnit | undefined> {
  const [version] = await versionsCovering(db, date, { unitIds: [id] });
  if (version) return version;
  const [current] = await currentRowsOn(db, date, { unitIds: [id], validOnDate: false });
  return current;
}

/** Units existing on `date` whose path on that date lies under `path` (a path of that date). */
export async function unitsUnderOnDate(
  db: Kysely<DB>,
  path: string,
  date: string,
  kinds?: readonly string[],
): Promise<DatedUnit[]> {
  const past = (await versionsCovering(db, date, { under: path, ...(kinds ? { kinds } : {}) })).filter(
    (u) => u.valid_from <= date && (u.valid_to === null || u.valid_to >= date),
  );
  const current = await currentRowsOn(db, date, {
    under: path,
    validOnDate: true,
    ...(kinds ? { kinds } : {}),
  });
  return [...past, ...current];
}

/** True when no unit under `path` (today's path) has a recorded past version ending on or after `date`. */
export async function structureUnchangedSince(db: Kysely<DB>, path: string, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('unit_versions')
    .innerJoin('org_units', 'org_units.id', 'unit_versions.unit_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('unit_versions.valid_to', '>=', date)
    .where((eb) =>
      eb.or([underPath(sql.ref('org_units.path'), path), underPath(sql.ref('unit_versions.path'), path)]),
    )
    .executeTakeFirstOrThrow();
  return toCount(row.n as number) === 0;
}

/**
 * Units that ended and whose successors (followed link by link) lie under
 * `path` today, each with the current path of the successor it leads to:
 * "today's boundaries" re-aggregates their past records there.
 */
export async function predecessorsLeadingUnder(
  db: Kysely<DB>,
  path: string,
): Promise<{ id: number; successorPath: string }[]> {
  const found = new Map<number, string>();
  let frontier = await db
    .selectFrom('unit_links')
    .innerJoin('org_units', 'org_units.id', 'unit_links.successor_id')
    .select(['unit_links.predecessor_id', 'org_units.path'])
    .where(underPath(sql.ref('org_units.path'), path))
    .execute();
  // Chains are short (a cell merged, its commune merged again): a few rounds at most.
  for (let round = 0; round < 10 && frontier.length > 0; round++) {
    const next: number[] = [];
    for (const f of frontier) {
      if (found.has(f.predecessor_id)) continue;
      found.set(f.predecessor_id, f.path);
      next.push(f.predecessor_id);
    }
    if (next.length === 0) break;
    const links = await db
      .selectFrom('unit_links')
      .select(['predecessor_id', 'successor_id'])
      .where('successor_id', 'in', next)
      .execute();
    frontier = links.map((l) => ({
      predecessor_id: l.predecessor_id,
      path: found.get(l.successor_id) ?? path,
    }));
  }
  return [...found].map(([id, successorPath]) => ({ id, successorPath }));
}
