import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Rating,
  RatingStepRecord,
  RatingState,
  RatingStep,
  RatingSubject,
  ResultLevel,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { RatingStepTable, RatingTable } from '../db/schema-yearly.js';
import { underPath } from '../db/sql-helpers.js';

export type RatingRow = Selectable<RatingTable>;
type RatingWithNames = RatingRow & { unit_name: string; member_name: string | null };

export const subjectKey = (subject: RatingSubject, unitId: number, memberId: string | null): string =>
  subject === 'member' ? `m:${memberId}` : `u:${unitId}`;

function selectRatings(db: Kysely<DB>) {
  return db
    .selectFrom('ratings')
    .innerJoin('org_units as unit', 'unit.id', 'ratings.unit_id')
    .leftJoin('members as member', 'member.id', 'ratings.member_id')
    .selectAll('ratings')
    .select(['unit.name as unit_name', 'member.full_name as member_name']);
}

export async function findRating(
  db: Kysely<DB>,
  orgId: number,
  year: number,
  key: string,
): Promise<RatingWithNames | undefined> {
  return selectRatings(db)
    .where('ratings.org_id', '=', orgId)
    .where('ratings.year', '=', year)
    .where('ratings.subject_key', '=', key)
    .executeTakeFirst();
}

export async function listRatingsUnder(
  db: Kysely<DB>,
  path: string,
  year: number,
  subject?: RatingSubject,
): Promise<RatingWithNames[]> {
  let query = selectRatings(db)
    .where((eb) => underPath(eb.ref('ratings.scope_path'), path))
    .where('ratings.year', '=', year);
  if (subject) query = query.where('ratings.subject', '=', subject);
  return query.execute();
}

/** The latest year up to `notAfter` with a rating started under `path`; null when none. */
export async function latestRatingYear(
  db: Kysely<DB>,
  path: string,
  notAfter: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('ratings')
    .select((eb) => eb.fn.max('year').as('year'))
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '<=', notAfter)
    .executeTakeFirst();
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}

export async function insertRating(db: Kysely<DB>, row: Insertable<RatingTable>): Promise<void> {
  await db.insertInto('ratings').values(row).execute();
}

/** Moves a rating on only from the version it was read at: false when someone else moved it first. */
export async function advanceRating(
  db: Kysely<DB>,
  id: string,
  fromVersion: number,
  values: { state: RatingState; level: ResultLevel; total_tenths: number; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('ratings')
    .set({ ...values, version: fromVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRatingStep(db: Kysely<DB>, row: RatingStepTable): Promise<void> {
  await db.insertInto('rating_steps').values(row).execute();
}

export async function listStepsOf(
  db: Kysely<DB>,
  ratingIds: string[],
): Promise<Selectable<RatingStepTable>[]> {
  if (ratingIds.length === 0) return [];
  const rows: Selectable<RatingStepTable>[] = [];
  // Chunked: a commune's members are a few hundred ratings, a district's several thousand.
  for (let i = 0; i < ratingIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('rating_steps')
        .selectAll()
        .where('rating_id', 'in', ratingIds.slice(i, i + 500))
        .orderBy('created_at')
        .orderBy('id')
        .execute()),
    );
  }
  return rows;
}

export function toRating(row: RatingWithNames, steps: Selectable<RatingStepTable>[]): Rating {
  const latest = new Map<string, RatingStepRecord>();
  for (const s of steps) {
    if (s.rating_id !== row.id) continue;
    latest.set(s.step, {
      step: s.step as RatingStep,
      total: s.total_tenths / 10,
      level: s.level as ResultLevel,
      levelByScore: s.level_by_score as ResultLevel,
      forcedBy: JSON.parse(s.forced_by) as string[],
      scores: JSON.parse(s.scores) as Record<string, number>,
      triggers: JSON.parse(s.triggers) as string[],
      note: s.note,
      actorName: s.actor_name,
      at: s.created_at,
    });
  }
  return {
    id: row.id,
    subject: row.subject as RatingSubject,
    unitId: row.unit_id,
    unitName: row.unit_name,
    memberId: row.member_id,
    memberName: row.member_name,
    year: row.year,
    frameworkId: row.framework_id,
    state: row.state as RatingState,
    level: row.level as ResultLevel,
    total: row.total_tenths / 10,
    version: row.version,
    steps: (['self_assess', 'propose', 'decide'] as const).flatMap((s) => {
      const found = latest.get(s);
      return found ? [found] : [];
    }),
  };
}

/** What may be rated under a unit in a year: cells and committees existing at the year's end. */
export async function rateableUnitsUnder(db: Kysely<DB>, path: string, kinds: string[], yearEnd: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'path', 'org_id', 'parent_id', 'code'])
    .where((eb) => underPath(eb.ref('path'), path))
    .where('kind', 'in', kinds)
    .where('valid_from', '<=', yearEnd)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', yearEnd)]))
    .orderBy('code')
    .execute();
}

/** Members of the subtree active at the year's end, cell by cell. */
export async function membersUnder(db: Kysely<DB>, path: string, yearEnd: string) {
  return db
    .selectFrom('members')
    .select(['id', 'full_name', 'cell_id', 'code'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('active_from', '<=', yearEnd)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', yearEnd)]))
    .orderBy('cell_id')
    .orderBy('code')
    .limit(5000)
    .execute();
}

export async function displayNameOf(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}
