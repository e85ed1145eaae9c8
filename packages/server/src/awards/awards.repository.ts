import type { Kysely, Selectable } from 'kysely';
import type {
  Award,
  AwardLevel,
  AwardTitle,
  RecipientKind,
  TitleRecipientKind,
  UnitKind,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { AwardTable, AwardTitleTable } from '../db/schema-cell-life.js';
import { toCount, underPath } from '../db/sql-helpers.js';

export type AwardTitleRow = Selectable<AwardTitleTable>;
export type AwardRow = Selectable<AwardTable>;
type AwardWithUnit = AwardRow & { unit_kind: string | null };

export function toAwardTitle(row: AwardTitleRow): AwardTitle {
  return {
    id: row.id,
    ownerUnitId: row.owner_unit_id,
    code: row.code,
    name: row.name,
    level: row.level as AwardLevel,
    recipientKind: row.recipient_kind as TitleRecipientKind,
    issuer: row.issuer,
    consecutiveExcellentYears: row.consecutive_excellent_years,
    source: row.source,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

export function toAward(row: AwardWithUnit): Award {
  return {
    id: row.id,
    recipientKind: row.recipient_kind as RecipientKind,
    recipientName: row.recipient_name,
    unitId: row.unit_id,
    unitKind: row.unit_kind as UnitKind | null,
    memberId: row.member_id,
    householdId: row.household_id,
    titleId: row.title_id,
    titleName: row.title_name,
    level: row.level as AwardLevel,
    issuer: row.issuer,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    year: row.year,
    reason: row.reason,
    basis: row.basis,
    createdAt: row.created_at,
  };
}

export async function findAwardTitle(db: Kysely<DB>, id: string): Promise<AwardTitleRow | undefined> {
  return db.selectFrom('award_titles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Titles kept by the units above (or at) a path, by units under it, and the national ones. */
export async function listAwardTitlesFor(
  db: Kysely<DB>,
  path: string,
  ancestorIds: number[],
  onDate?: string,
): Promise<AwardTitleRow[]> {
  let query = db
    .selectFrom('award_titles')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('owner_unit_id', 'is', null),
        ...(ancestorIds.length > 0 ? [eb('owner_unit_id', 'in', ancestorIds)] : []),
        // Paths hold digits and "/" only: a prefix match needs no escaping.
        eb('owner_path', 'like', `${path}%`),
      ]),
    );
  if (onDate) {
    query = query
      .where('valid_from', '<=', onDate)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)]));
  }
  return query.orderBy('level').orderBy('code').orderBy('valid_from', 'desc').execute();
}

export async function awardTitleVersions(
  db: Kysely<DB>,
  ownerUnitId: number | null,
  code: string,
): Promise<AwardTitleRow[]> {
  return db
    .selectFrom('award_titles')
    .selectAll()
    .where('code', '=', code)
    .where((eb) =>
      ownerUnitId === null ? eb('owner_unit_id', 'is', null) : eb('owner_unit_id', '=', ownerUnitId),
    )
    .execute();
}

export async function insertAwardTitle(db: Kysely<DB>, row: AwardTitleTable): Promise<void> {
  await db.insertInto('award_titles').values(row).execute();
}

export async function closeAwardTitle(
  db: Kysely<DB>,
  id: string,
  validTo: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('award_titles')
    .set({ valid_to: validTo, updated_at: at })
    .where('id', '=', id)
    .execute();
}

function selectAwards(db: Kysely<DB>) {
  return db
    .selectFrom('awards')
    .leftJoin('org_units as unit', 'unit.id', 'awards.unit_id')
    .selectAll('awards')
    .select('unit.kind as unit_kind');
}

export async function findAward(db: Kysely<DB>, id: string): Promise<AwardWithUnit | undefined> {
  return selectAwards(db).where('awards.id', '=', id).executeTakeFirst();
}

export async function listAwardsUnder(
  db: Kysely<DB>,
  filter: {
    path: string;
    year?: number | undefined;
    recipientKind?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<AwardWithUnit[]> {
  let query = selectAwards(db).where((eb) => underPath(eb.ref('awards.scope_path'), filter.path));
  if (filter.year !== undefined) query = query.where('awards.year', '=', filter.year);
  if (filter.recipientKind) query = query.where('awards.recipient_kind', '=', filter.recipientKind);
  return query
    .orderBy('awards.year', 'desc')
    .orderBy('awards.decision_date', 'desc')
    .orderBy('awards.recipient_name')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function insertAward(db: Kysely<DB>, row: AwardTable): Promise<void> {
  await db.insertInto('awards').values(row).execute();
}

/** Collective awards of these units from `fromYear` on: a streak already commended is not proposed again. */
export async function unitAwardsSince(
  db: Kysely<DB>,
  unitIds: number[],
  fromYear: number,
): Promise<{ unit_id: number | null; title_code: string; year: number }[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('awards')
    .select(['unit_id', 'title_code', 'year'])
    .where('unit_id', 'in', unitIds)
    .where('year', '>=', fromYear)
    .execute();
}

export async function awardCounts(
  db: Kysely<DB>,
  path: string,
  year: number,
): Promise<{ recipient_kind: string; level: string; n: number }[]> {
  const rows = await db
    .selectFrom('awards')
    .select(['recipient_kind', 'level', (eb) => eb.fn.countAll().as('n')])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .groupBy(['recipient_kind', 'level'])
    .execute();
  return rows.map((r) => ({ recipient_kind: r.recipient_kind, level: r.level, n: toCount(r.n as number) }));
}
