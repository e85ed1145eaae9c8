import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  sheetForMeeting,
  type CreateScoringSheetInput,
  type ScoringSheet,
  type ScoringSheetListQuery,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  closeSheet,
  findSheet,
  insertSheet,
  listCriteria,
  listSheetsOfOwners,
  sheetVersions,
  toScoringSheet,
  type CriterionRow,
  type SheetRow,
} from './meeting-sheets.repository.js';

/** `/1/2/5/` → [1, 2, 5]: the unit and every unit above it. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const asCandidate = (row: SheetRow) => ({
  row,
  ownerPath: row.owner_path,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

/** The sheet (with its criteria) that scores a meeting of the cell at `cellPath` on `date`. */
export async function sheetOnDate(
  db: Kysely<DB>,
  cellPath: string,
  date: string,
): Promise<{ row: SheetRow; criteria: CriterionRow[] } | undefined> {
  const rows = await listSheetsOfOwners(db, pathIds(cellPath));
  const chosen = sheetForMeeting(rows.map(asCandidate), cellPath, date);
  if (!chosen) return undefined;
  return { row: chosen.row, criteria: await listCriteria(db, [chosen.row.id]) };
}

export async function sheetById(
  db: Kysely<DB>,
  id: string,
): Promise<{ row: SheetRow; criteria: CriterionRow[] } | undefined> {
  const row = await findSheet(db, id);
  return row ? { row, criteria: await listCriteria(db, [id]) } : undefined;
}

export async function readSheet(db: Kysely<DB>, id: string): Promise<ScoringSheet | null> {
  const row = await findSheet(db, id);
  return row ? toScoringSheet(row, await listCriteria(db, [id])) : null;
}

/**
 * The sheets that apply to a unit: kept by it or by a unit above it (a cell
 * secretary reads the district's sheet), or only the one for a date.
 */
export async function listSheets(
  db: Kysely<DB>,
  actor: Actor,
  query: ScoringSheetListQuery,
): Promise<ScoringSheet[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  let rows = await listSheetsOfOwners(db, pathIds(path));
  if (query.onDate) {
    const chosen = sheetForMeeting(rows.map(asCandidate), path, query.onDate);
    rows = chosen ? [chosen.row] : [];
  }
  const criteria = await listCriteria(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toScoringSheet(r, criteria));
}

/**
 * A new version of a committee's sheet. The version in force is closed the
 * day before the new one starts; any other overlap is refused.
 */
export async function createSheet(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateScoringSheetInput,
): Promise<ScoringSheet> {
  requirePermission(actor, 'catalogue.write');
  const codes = input.criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) {
    throw new AppError('VALIDATION_FAILED', {
      in: 'body',
      issues: [{ path: '/criteria', code: 'duplicate_code' }],
    });
  }
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const owner = await loadUnitInScope(trx, actor, input.ownerUnitId);
    if (await findSheet(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    const now = nowIso();
    for (const version of await sheetVersions(trx, owner.id, input.code)) {
      const reaches = version.valid_to === null || version.valid_to >= input.validFrom;
      if (!reaches) continue;
      if (version.valid_to === null && version.valid_from < input.validFrom) {
        const validTo = dayBefore(input.validFrom);
        await closeSheet(trx, version.id, validTo, now);
        await recordAudit(trx, actor, {
          action: 'end',
          entity: 'meeting_sheet',
          entityId: version.id,
          orgId: owner.org_id,
          changes: { validTo: [null, validTo] },
        });
      } else {
        throw new AppError('CATALOGUE_OVERLAP');
      }
    }
    await insertSheet(
      trx,
      {
        id,
        owner_unit_id: owner.id,
        owner_path: owner.path,
        org_id: owner.org_id,
        code: input.code,
        name: input.name,
        source: input.source ?? null,
        valid_from: input.validFrom,
        valid_to: null,
        max_score: input.criteria.reduce((sum, c) => sum + c.maxPoints, 0),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      },
      input.criteria.map((c, position) => ({
        id: uuidv7(),
        sheet_id: id,
        org_id: owner.org_id,
        position,
        code: c.code,
        text: c.text,
        max_points: c.maxPoints,
      })),
    );
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'meeting_sheet',
      entityId: id,
      orgId: owner.org_id,
      changes: input,
    });
  });
  return (await readSheet(db, id))!;
}
