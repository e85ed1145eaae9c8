import type { Kysely, Selectable } from 'kysely';
import type { ScoringSheet } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { MeetingSheetCriterionTable, MeetingSheetTable } from '../db/schema-cell-life.js';

export type SheetRow = Selectable<MeetingSheetTable> & { owner_name: string | null };
export type CriterionRow = Selectable<MeetingSheetCriterionTable>;

export function toScoringSheet(row: SheetRow, criteria: CriterionRow[]): ScoringSheet {
  return {
    id: row.id,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_name,
    code: row.code,
    name: row.name,
    source: row.source,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    maxScore: row.max_score,
    criteria: criteria
      .filter((c) => c.sheet_id === row.id)
      .sort((a, b) => a.position - b.position)
      .map((c) => ({ id: c.id, code: c.code, text: c.text, maxPoints: c.max_points, position: c.position })),
  };
}

function selectSheets(db: Kysely<DB>) {
  return db
    .selectFrom('meeting_sheets')
    .leftJoin('org_units as owner', 'owner.id', 'meeting_sheets.owner_unit_id')
    .selectAll('meeting_sheets')
    .select('owner.name as owner_name');
}

/** Sheets kept by any of these units, and the national ones (no keeper). */
export async function listSheetsOfOwners(db: Kysely<DB>, ownerIds: number[]): Promise<SheetRow[]> {
  return selectSheets(db)
    .where((eb) =>
      ownerIds.length > 0
        ? eb.or([
            eb('meeting_sheets.owner_unit_id', 'in', ownerIds),
            eb('meeting_sheets.owner_unit_id', 'is', null),
          ])
        : eb('meeting_sheets.owner_unit_id', 'is', null),
    )
    .orderBy('meeting_sheets.code')
    .orderBy('meeting_sheets.valid_from', 'desc')
    .execute();
}

export async function findSheet(db: Kysely<DB>, id: string): Promise<SheetRow | undefined> {
  return selectSheets(db).where('meeting_sheets.id', '=', id).executeTakeFirst();
}

export async function sheetVersions(db: Kysely<DB>, ownerUnitId: number, code: string): Promise<SheetRow[]> {
  return selectSheets(db)
    .where('meeting_sheets.owner_unit_id', '=', ownerUnitId)
    .where('meeting_sheets.code', '=', code)
    .execute();
}

export async function listCriteria(db: Kysely<DB>, sheetIds: string[]): Promise<CriterionRow[]> {
  if (sheetIds.length === 0) return [];
  return db.selectFrom('meeting_sheet_criteria').selectAll().where('sheet_id', 'in', sheetIds).execute();
}

export async function insertSheet(
  db: Kysely<DB>,
  sheet: MeetingSheetTable,
  criteria: MeetingSheetCriterionTable[],
): Promise<void> {
  await db.insertInto('meeting_sheets').values(sheet).execute();
  if (criteria.length > 0) await db.insertInto('meeting_sheet_criteria').values(criteria).execute();
}

export async function closeSheet(db: Kysely<DB>, id: string, validTo: string, at: string): Promise<void> {
  await db
    .updateTable('meeting_sheets')
    .set({ valid_to: validTo, updated_at: at })
    .where('id', '=', id)
    .execute();
}
