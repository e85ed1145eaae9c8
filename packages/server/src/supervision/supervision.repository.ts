import type { Insertable, Kysely, Selectable } from 'kysely';
import {
  supervisionKind,
  type FollowUp,
  type SupervisionCatalogue,
  type SupervisionFinding,
  type SupervisionRecord,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { SupervisionRecordTable } from '../db/schema-monthly.js';
import { underPath } from '../db/sql-helpers.js';

export type SupervisionRecordRow = Selectable<SupervisionRecordTable>;

/** Every catalogue version a grassroots organisation may use: the reference ones and its own, with items. */
export async function cataloguesFor(db: Kysely<DB>, orgId: number): Promise<SupervisionCatalogue[]> {
  const rows = await db
    .selectFrom('supervision_catalogues')
    .selectAll()
    .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', '=', orgId)]))
    .orderBy('valid_from')
    .execute();
  if (rows.length === 0) return [];
  const items = await db
    .selectFrom('supervision_items')
    .select(['id', 'catalogue_id', 'code', 'text'])
    .where(
      'catalogue_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('catalogue_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    kind: supervisionKind.parse(r.kind),
    code: r.code,
    name: r.name,
    source: r.source,
    note: r.note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    items: items
      .filter((i) => i.catalogue_id === r.id)
      .map((i) => ({ id: i.id, code: i.code, text: i.text })),
  }));
}

export async function insertCatalogue(
  db: Kysely<DB>,
  catalogue: Omit<SupervisionCatalogue, 'items'> & { createdBy: string; createdAt: string },
  items: { code: string; text: string; id: string }[],
): Promise<void> {
  await db
    .insertInto('supervision_catalogues')
    .values({
      id: catalogue.id,
      org_id: catalogue.orgId,
      kind: catalogue.kind,
      code: catalogue.code,
      name: catalogue.name,
      source: catalogue.source,
      note: catalogue.note,
      valid_from: catalogue.validFrom,
      valid_to: catalogue.validTo,
      created_by: catalogue.createdBy,
      created_at: catalogue.createdAt,
    })
    .execute();
  await db
    .insertInto('supervision_items')
    .values(items.map((item, i) => ({ ...item, catalogue_id: catalogue.id, position: i + 1 })))
    .execute();
}

/** Ends the organisation's own open versions of a kind the day before a new one starts. */
export async function endOwnCatalogues(
  db: Kysely<DB>,
  orgId: number,
  kind: string,
  dayBefore: string,
): Promise<void> {
  await db
    .updateTable('supervision_catalogues')
    .set({ valid_to: dayBefore })
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('valid_to', 'is', null)
    .execute();
}

export async function ownCataloguesFrom(
  db: Kysely<DB>,
  orgId: number,
  kind: string,
  from: string,
): Promise<number> {
  const row = await db
    .selectFrom('supervision_catalogues')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('valid_from', '>=', from)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findRecord(
  db: Kysely<DB>,
  memberId: string,
  month: string,
): Promise<SupervisionRecordRow | undefined> {
  return db
    .selectFrom('supervision_records')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function recordsOfCell(
  db: Kysely<DB>,
  cellId: number,
  month: string,
): Promise<SupervisionRecordRow[]> {
  return db
    .selectFrom('supervision_records')
    .selectAll()
    .where('cell_id', '=', cellId)
    .where('month', '=', month)
    .execute();
}

export async function insertRecord(db: Kysely<DB>, row: Insertable<SupervisionRecordTable>): Promise<void> {
  await db.insertInto('supervision_records').values(row).execute();
}

export async function updateRecord(
  db: Kysely<DB>,
  id: string,
  version: number,
  values: Partial<Insertable<SupervisionRecordTable>>,
): Promise<boolean> {
  const result = await db
    .updateTable('supervision_records')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Per cell under `path`: members supervised in the month, those with findings, open follow-ups. */
export async function supervisionCountsByCell(
  db: Kysely<DB>,
  path: string,
  month: string,
): Promise<Map<number, { supervised: number; withFindings: number; openFollowUps: number }>> {
  const rows = await db
    .selectFrom('supervision_records')
    .select((eb) => [
      'cell_id',
      eb.fn.countAll().as('supervised'),
      eb.fn.sum(eb.case().when('issues', '>', 0).then(1).else(0).end()).as('with_findings'),
      eb.fn.sum('open_follow_ups').as('open_follow_ups'),
    ])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('month', '=', month)
    .groupBy('cell_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.cell_id,
      {
        supervised: Number(r.supervised),
        withFindings: Number(r.with_findings ?? 0),
        openFollowUps: Number(r.open_follow_ups ?? 0),
      },
    ]),
  );
}

export function toRecord(row: SupervisionRecordRow): SupervisionRecord {
  return {
    id: row.id,
    memberId: row.member_id,
    month: row.month,
    catalogueIds: JSON.parse(row.catalogue_ids) as string[],
    findings: JSON.parse(row.findings) as SupervisionFinding[],
    followUps: JSON.parse(row.follow_ups) as FollowUp[],
    issues: row.issues,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
