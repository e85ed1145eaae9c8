import type { Kysely, Selectable } from 'kysely';
import {
  monthBounds,
  type FollowUp,
  type OfficialKind,
  type OfficialSupervision,
  type OfficialSupervisionRecord,
  type SaveOfficialSupervisionInput,
  type SupervisionFinding,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import type { OfficialSupervisionRecordTable } from '../db/schema-monthly.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  findOfficialRecord,
  insertOfficialRecord,
  officialRecordsOf,
  updateOfficialRecord,
} from './official-supervision.repository.js';
import { cataloguesOn } from './supervision.service.js';

/*
 * Monthly supervision of the cadres, civil servants and public employees
 * (cán bộ, công chức, viên chức) of a commune or cell: the same checklists
 * and findings as a member's, a subject named by kind, name and position.
 */

type Row = Selectable<OfficialSupervisionRecordTable>;

function toOfficialRecord(row: Row): OfficialSupervisionRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    subjectKind: row.subject_kind as OfficialKind,
    subjectName: row.subject_name,
    subjectPosition: row.subject_position,
    month: row.month,
    catalogueIds: JSON.parse(row.catalogue_ids) as string[],
    findings: JSON.parse(row.findings) as SupervisionFinding[],
    followUps: JSON.parse(row.follow_ups) as FollowUp[],
    issues: row.issues,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

async function loadSupervisingUnit(db: Kysely<DB>, actor: Actor, unitId: number) {
  const unit = await loadUnitInScope(db, actor, unitId);
  if (unit.org_id === null) throw new AppError('UNIT_NOT_FOUND');
  return { ...unit, org_id: unit.org_id };
}

export async function getOfficialSupervision(
  db: Kysely<DB>,
  actor: Actor,
  query: { unitId: number; month: string },
): Promise<OfficialSupervision> {
  if (actor.role === 'member') throw new AppError('FORBIDDEN');
  const unit = await loadSupervisingUnit(db, actor, query.unitId);
  const rows = await officialRecordsOf(db, unit.id, query.month);
  return {
    unitId: unit.id,
    month: query.month,
    catalogues: await cataloguesOn(db, unit.org_id, monthBounds(query.month).last),
    records: rows.map(toOfficialRecord),
  };
}

/** Saves one official's month: version 0 creates the record with the client's id, else updates it. */
export async function saveOfficialSupervision(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveOfficialSupervisionInput,
): Promise<OfficialSupervisionRecord> {
  requirePermission(actor, 'supervision.write');
  await db.transaction().execute(async (trx) => {
    const unit = await loadSupervisingUnit(trx, actor, input.unitId);
    const catalogues = await cataloguesOn(trx, unit.org_id, monthBounds(input.month).last);
    const items = new Set(catalogues.flatMap((c) => c.items.map((i) => i.id)));
    const unknown = input.findings.findIndex((f) => !items.has(f.itemId));
    if (unknown >= 0) throw new AppError('SUPERVISION_ITEM_UNKNOWN', { field: `findings.${unknown}.itemId` });
    const row = await findOfficialRecord(trx, input.id);
    if (row && (row.unit_id !== unit.id || row.month !== input.month)) throw new AppError('VERSION_CONFLICT');
    if ((row?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    const now = nowIso();
    const values = {
      subject_kind: input.subjectKind,
      subject_name: input.subjectName,
      subject_position: input.subjectPosition,
      catalogue_ids: JSON.stringify(catalogues.map((c) => c.id)),
      findings: JSON.stringify(
        input.findings.map((f) => ({ itemId: f.itemId, finding: f.finding, note: f.note ?? null })),
      ),
      follow_ups: JSON.stringify(
        input.followUps.map((f) => ({
          what: f.what,
          who: f.who,
          dueOn: f.dueOn ?? null,
          doneOn: f.doneOn ?? null,
        })),
      ),
      issues: input.findings.filter((f) => f.finding !== 'ok').length,
      open_follow_ups: input.followUps.filter((f) => !f.doneOn).length,
      updated_by: actor.userId,
      updated_at: now,
    };
    if (!row) {
      await insertOfficialRecord(trx, {
        id: input.id,
        org_id: unit.org_id,
        scope_path: unit.path,
        unit_id: unit.id,
        month: input.month,
        created_at: now,
        ...values,
      });
    } else if (!(await updateOfficialRecord(trx, row.id, row.version, values))) {
      throw new AppError('VERSION_CONFLICT');
    }
    await recordAudit(trx, actor, {
      action: row ? 'update' : 'create',
      entity: 'official_supervision_record',
      entityId: input.id,
      orgId: unit.org_id,
      // Counts only: findings about a person are personal.
      changes: { month: input.month, kind: input.subjectKind, issues: values.issues },
    });
  });
  return toOfficialRecord((await findOfficialRecord(db, input.id))!);
}
