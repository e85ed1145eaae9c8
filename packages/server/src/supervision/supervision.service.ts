import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  cataloguesValidOn,
  isCellKind,
  type UnitKind,
  monthBounds,
  type CellSupervision,
  type CreateSupervisionCatalogueInput,
  type SaveSupervisionInput,
  type SupervisionCatalogue,
  type SupervisionRecord,
  type SupervisionSummaryRow,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadMemberInScope } from '../members/members.service.js';
import { cellMembersInMonth } from '../monthly-reports/monthly-figures.repository.js';
import { memberCountsByCell } from '../monthly-reports/monthly-reports.repository.js';
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listCellsUnder } from '../visits/coverage.repository.js';
import {
  cataloguesFor,
  endOwnCatalogues,
  findRecord,
  insertCatalogue,
  insertRecord,
  ownCataloguesFrom,
  recordsOfCell,
  supervisionCountsByCell,
  toRecord,
  updateRecord,
} from './supervision.repository.js';

/* Monthly supervision of members on the three contents, against the checklist versions valid in the month. */

const orgOf = (unit: UnitRow): number => unit.org_id ?? unit.id;

/** The checklists a unit's organisation uses on a date: its own version of a kind, else the reference one. */
export async function cataloguesOn(
  db: Kysely<DB>,
  orgId: number,
  onDate: string,
): Promise<SupervisionCatalogue[]> {
  return cataloguesValidOn(await cataloguesFor(db, orgId), orgId, onDate);
}

export async function listSupervisionCatalogues(
  db: Kysely<DB>,
  actor: Actor,
  query: { unitId: number; onDate: string },
): Promise<SupervisionCatalogue[]> {
  const unit = await loadUnitInScope(db, actor, query.unitId);
  return cataloguesOn(db, orgOf(unit), query.onDate);
}

/** A commune's new version of a checklist; its previous own version of the kind ends the day before. */
export async function createSupervisionCatalogue(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateSupervisionCatalogueInput,
): Promise<SupervisionCatalogue> {
  requirePermission(actor, 'catalogue.write');
  const id = input.id ?? uuidv7();
  let orgId = 0;
  await db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, input.orgId);
    orgId = orgOf(unit);
    if ((await ownCataloguesFrom(trx, orgId, input.kind, input.validFrom)) > 0) {
      throw new AppError('INVALID_DATES', { field: 'validFrom' });
    }
    const dayBefore = new Date(Date.parse(`${input.validFrom}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await endOwnCatalogues(trx, orgId, input.kind, dayBefore);
    await insertCatalogue(
      trx,
      {
        id,
        orgId,
        kind: input.kind,
        code: input.code,
        name: input.name,
        source: input.source,
        note: input.note ?? null,
        validFrom: input.validFrom,
        validTo: null,
        createdBy: actor.userId,
        createdAt: nowIso(),
      },
      input.items.map((item) => ({ ...item, id: uuidv7() })),
    );
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'supervision_catalogue',
      entityId: id,
      orgId,
      changes: { ...input, id },
    });
  });
  return (await cataloguesFor(db, orgId)).find((c) => c.id === id)!;
}

export async function getCellSupervision(
  db: Kysely<DB>,
  actor: Actor,
  query: { cellId: number; month: string },
): Promise<CellSupervision> {
  if (actor.role === 'member') throw new AppError('FORBIDDEN');
  const cell = await loadUnitInScope(db, actor, query.cellId);
  if (!isCellKind(cell.kind as UnitKind)) throw new AppError('UNIT_NOT_FOUND');
  const catalogues = await cataloguesOn(db, orgOf(cell), monthBounds(query.month).last);
  const records = new Map((await recordsOfCell(db, cell.id, query.month)).map((r) => [r.member_id, r]));
  const members = await cellMembersInMonth(db, cell.id, query.month);
  return {
    cellId: cell.id,
    cellName: cell.name,
    month: query.month,
    catalogues,
    members: members.map((m) => {
      const r = records.get(m.id);
      return { memberId: m.id, memberName: m.full_name, record: r ? toRecord(r) : null };
    }),
  };
}

/** The cell secretary's record of one member's month: a finding per item of the valid checklists, follow-ups. */
export async function saveSupervision(
  db: Kysely<DB>,
  actor: Actor,
  input: SaveSupervisionInput,
): Promise<SupervisionRecord> {
  requirePermission(actor, 'supervision.write');
  let memberId = '';
  await db.transaction().execute(async (trx) => {
    const member = await loadMemberInScope(trx, actor, input.memberId);
    memberId = member.id;
    const cell = (await findUnitById(trx, member.cell_id))!;
    const catalogues = await cataloguesOn(trx, orgOf(cell), monthBounds(input.month).last);
    const items = new Set(catalogues.flatMap((c) => c.items.map((i) => i.id)));
    const unknown = input.findings.findIndex((f) => !items.has(f.itemId));
    if (unknown >= 0) throw new AppError('SUPERVISION_ITEM_UNKNOWN', { field: `findings.${unknown}.itemId` });
    const row = await findRecord(trx, member.id, input.month);
    if ((row?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    const now = nowIso();
    const values = {
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
    const id = row?.id ?? uuidv7();
    if (!row) {
      await insertRecord(trx, {
        id,
        org_id: member.org_id,
        scope_path: member.scope_path,
        cell_id: member.cell_id,
        member_id: member.id,
        month: input.month,
        created_at: now,
        ...values,
      });
    } else if (!(await updateRecord(trx, row.id, row.version, values))) {
      throw new AppError('VERSION_CONFLICT');
    }
    await recordAudit(trx, actor, {
      action: row ? 'update' : 'create',
      entity: 'supervision_record',
      entityId: id,
      orgId: member.org_id,
      // Counts only: findings about a member are personal.
      changes: { month: input.month, issues: values.issues, openFollowUps: values.open_follow_ups },
    });
  });
  return toRecord((await findRecord(db, memberId, input.month))!);
}

/** What the commune sees: per cell, members supervised in the month and those with findings. */
export async function supervisionSummary(
  db: Kysely<DB>,
  actor: Actor,
  query: { unitId?: number | undefined; month: string },
): Promise<SupervisionSummaryRow[]> {
  if (actor.role === 'member') throw new AppError('FORBIDDEN');
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const { first, last } = monthBounds(query.month);
  const cells = await listCellsUnder(db, path, last);
  const members = await memberCountsByCell(db, path, query.month, first, last);
  const counts = await supervisionCountsByCell(db, path, query.month);
  return cells
    .map((c) => ({
      cellId: c.id,
      cellName: c.name,
      members: members.get(c.id)?.members ?? 0,
      supervised: counts.get(c.id)?.supervised ?? 0,
      withFindings: counts.get(c.id)?.withFindings ?? 0,
      openFollowUps: counts.get(c.id)?.openFollowUps ?? 0,
    }))
    .sort((a, b) => a.cellName.localeCompare(b.cellName, 'vi'));
}
