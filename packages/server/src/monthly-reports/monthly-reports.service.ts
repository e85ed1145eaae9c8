import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  actionNeedsComment,
  can,
  cellMonthFigures as cellFiguresSchema,
  isCellKind,
  type UnitKind,
  mayActOnReport,
  memberMonthFigures as memberFiguresSchema,
  monthBounds,
  todayInVietnam,
  nextReportState,
  openReportActions,
  reportTransitions,
  type CellReport,
  type CellReportActionInput,
  type CellReportListQuery,
  type CellReportQuery,
  type CellReportSummary,
  type MemberReport,
  type MemberReportActionInput,
  type MemberReportQuery,
  type ReportAction,
  type ReportKind,
  type ReportRelation,
  type MemberReportState,
  type ReportState,
} from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { cellReportSigner } from './cell-report-signer.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findMemberRow, type MemberRow } from '../members/members.repository.js';
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import { applyOnce } from '../sync/apply-once.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listCellsUnder } from '../visits/coverage.repository.js';
import { guardLockedMonth } from './month-lock.js';
import { requireSendWindow, sendOpensOn } from './report-settings.service.js';
import { cellMembersInMonth, cellMonthFigures, memberMonthFigures } from './monthly-figures.repository.js';
import {
  cellReportsUnder,
  findCellReport,
  findMemberReport,
  insertCellReport,
  insertMemberReport,
  lateChangesOf,
  memberCountsByCell,
  memberReportsOfCell,
  updateCellReport,
  updateMemberReport,
  userDisplayName,
} from './monthly-reports.repository.js';

/* Monthly reports of members and cells: composition from the records, the workflow, the commune's review. */

/** The member whose report is asked for: a member account reaches only its own. */
async function loadReportMember(
  db: Kysely<DB>,
  actor: Actor,
  memberId: string | undefined,
): Promise<MemberRow> {
  const id = memberId ?? actor.memberId;
  if (!id) throw new AppError('MEMBER_NOT_FOUND');
  if (actor.role === 'member' && id !== actor.memberId) throw new AppError('MEMBER_NOT_FOUND');
  const row = await findMemberRow(db, id);
  if (!row || (actor.memberId !== id && !inScope(actor, row.scope_path)))
    throw new AppError('MEMBER_NOT_FOUND');
  return row;
}

async function loadCell(db: Kysely<DB>, actor: Actor, cellId: number): Promise<UnitRow> {
  const cell = await loadUnitInScope(db, actor, cellId);
  if (!isCellKind(cell.kind as UnitKind)) throw new AppError('UNIT_NOT_FOUND');
  return cell;
}

function memberRelations(actor: Actor, member: MemberRow): ReportRelation[] {
  const relations: ReportRelation[] = [];
  if (actor.memberId === member.id && can(actor.role, 'monthly_report.write')) relations.push('author');
  if (actor.role !== 'member' && inScope(actor, member.scope_path)) relations.push('cell');
  return relations;
}

function cellRelations(actor: Actor, cell: UnitRow): ReportRelation[] {
  const relations: ReportRelation[] = [];
  if (!inScope(actor, cell.path) || actor.role === 'member') return relations;
  if (can(actor.role, 'monthly_report.write')) relations.push('author');
  // The commune reviews from above the cell.
  if (can(actor.role, 'monthly_report.approve') && actor.scopePath !== cell.path) relations.push('commune');
  return relations;
}

/** Refuses a step the table does not have (409) or one the caller may not take (403). */
function checkStep(
  kind: ReportKind,
  state: ReportState,
  action: ReportAction,
  relations: ReportRelation[],
  comment: string | undefined,
): ReportState {
  const next = nextReportState(kind, state, action);
  if (next === null) {
    const anywhere = Object.values(reportTransitions[kind]).some((t) =>
      t[action]?.by.some((r) => relations.includes(r)),
    );
    throw new AppError(anywhere ? 'REPORT_STEP_NOT_ALLOWED' : 'FORBIDDEN');
  }
  if (!mayActOnReport(kind, state, action, relations)) throw new AppError('FORBIDDEN');
  if (actionNeedsComment(kind, state, action) && !comment) {
    throw new AppError('REPORT_COMMENT_REQUIRED', { field: 'comment' });
  }
  return next;
}

export async function getMemberReport(
  db: Kysely<DB>,
  actor: Actor,
  query: MemberReportQuery,
): Promise<MemberReport> {
  const member = await loadReportMember(db, actor, query.memberId);
  return readMemberReport(db, actor, member, query.month);
}

async function readMemberReport(
  db: Kysely<DB>,
  actor: Actor,
  member: MemberRow,
  month: string,
): Promise<MemberReport> {
  const cell = (await findUnitById(db, member.cell_id))!;
  const row = await findMemberReport(db, member.id, month);
  const state = (row?.state ?? 'draft') as ReportState;
  const frozen = row?.figures ? memberFiguresSchema.parse(JSON.parse(row.figures)) : null;
  return {
    id: row?.id ?? null,
    memberId: member.id,
    memberName: member.full_name,
    cellId: cell.id,
    cellName: cell.name,
    month,
    state,
    text: row?.text ?? '',
    returnComment: row?.return_comment ?? null,
    figures: frozen ?? (await memberMonthFigures(db, member.id, month)),
    figuresAt: frozen ? row!.figures_at : null,
    submittedAt: row?.submitted_at ?? null,
    sendOpensOn: await sendOpensOn(db, member.org_id, month),
    version: row?.version ?? 0,
    actions: openReportActions('member', state, memberRelations(actor, member)),
  };
}

export async function actOnMemberReport(
  db: Kysely<DB>,
  actor: Actor,
  input: MemberReportActionInput,
): Promise<MemberReport> {
  // The member writes it; the cell secretary (or staff) returns it.
  requirePermission(actor, 'monthly_report.write');
  let member: MemberRow | undefined;
  // A report is one per member and month; its row may not exist before this save, so that is its key.
  const write = {
    writeId: input.writeId,
    entity: 'member_report',
    entityId: `${input.memberId ?? actor.memberId ?? ''}/${input.month}`,
    replay: async (trx: Kysely<DB>) => {
      member = await loadReportMember(trx, actor, input.memberId);
    },
  };
  await applyOnce(db, actor, write, async (trx) => {
    member = await loadReportMember(trx, actor, input.memberId);
    const cell = (await findUnitById(trx, member.cell_id))!;
    const row = await findMemberReport(trx, member.id, input.month);
    const state = (row?.state ?? 'draft') as ReportState;
    if ((row?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    const next = checkStep('member', state, input.action, memberRelations(actor, member), input.comment);
    if (input.action === 'submit') await requireSendWindow(trx, member.org_id, input.month);
    await guardLockedMonth(trx, actor, {
      scopePath: cell.path,
      date: monthBounds(input.month).last,
      entity: 'member_report',
      entityId: row?.id ?? member.id,
      action: input.action,
    });
    const now = nowIso();
    const values = {
      state: next,
      ...(input.text === undefined || input.action === 'return' ? {} : { text: input.text }),
      ...(input.action === 'return' ? { return_comment: input.comment ?? null } : {}),
      ...(input.action === 'submit'
        ? {
            // Frozen: a submitted report never changes under the reader.
            figures: JSON.stringify(await memberMonthFigures(trx, member.id, input.month)),
            figures_at: now,
            submitted_at: now,
          }
        : {}),
      updated_at: now,
    };
    const id = row?.id ?? uuidv7();
    if (!row) {
      await insertMemberReport(trx, {
        id,
        org_id: member.org_id,
        scope_path: member.scope_path,
        cell_id: member.cell_id,
        member_id: member.id,
        month: input.month,
        text: '',
        return_comment: null,
        figures: null,
        figures_at: null,
        submitted_at: null,
        created_at: now,
        ...values,
      });
    } else if (!(await updateMemberReport(trx, row.id, { version: row.version, state }, values))) {
      throw new AppError('VERSION_CONFLICT');
    }
    await recordAudit(trx, actor, {
      action: row ? 'update' : 'create',
      entity: 'member_report',
      entityId: id,
      orgId: member.org_id,
      changes: {
        month: input.month,
        from: state,
        to: next,
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
  });
  return readMemberReport(db, actor, member!, input.month);
}

export async function getCellReport(
  db: Kysely<DB>,
  actor: Actor,
  query: CellReportQuery,
): Promise<CellReport> {
  if (actor.role === 'member') throw new AppError('FORBIDDEN');
  const cell = await loadCell(db, actor, query.cellId);
  return readCellReport(db, actor, cell, query.month);
}

async function readCellReport(
  db: Kysely<DB>,
  actor: Actor,
  cell: UnitRow,
  month: string,
): Promise<CellReport> {
  const row = await findCellReport(db, cell.id, month);
  const state = (row?.state ?? 'draft') as ReportState;
  const frozen = row?.figures ? cellFiguresSchema.parse(JSON.parse(row.figures)) : null;
  const parent = cell.parent_id === null ? undefined : await findUnitById(db, cell.parent_id);
  const members = await cellMembersInMonth(db, cell.id, month);
  const reports = new Map((await memberReportsOfCell(db, cell.id, month)).map((r) => [r.member_id, r]));
  const late = row ? await lateChangesOf(db, [row.id]) : [];
  return {
    id: row?.id ?? null,
    cellId: cell.id,
    cellName: cell.name,
    communeName: parent?.name ?? '',
    month,
    state,
    text: row?.text ?? '',
    returnComment: row?.return_comment ?? null,
    figures: frozen ?? (await cellMonthFigures(db, cell, month)),
    figuresAt: frozen ? row!.figures_at : null,
    members: members.map((m) => ({
      memberId: m.id,
      memberName: m.full_name,
      // No row: the member never opened the month's report.
      state: (reports.get(m.id)?.state ?? 'not_started') as MemberReportState,
      submittedAt: reports.get(m.id)?.submitted_at ?? null,
    })),
    submittedAt: row?.submitted_at ?? null,
    approvedAt: row?.approved_at ?? null,
    approvedBy: row?.approved_by_name ?? null,
    // The paper is dated the day it was submitted (in Vietnam), else today: signed by the secretary of that day.
    signerName: await cellReportSigner(
      db,
      cell.id,
      todayInVietnam(row?.submitted_at ? new Date(row.submitted_at) : undefined),
    ),
    lateChanges: late.map((c) => ({
      id: c.id,
      at: c.at,
      entity: c.entity,
      entityId: c.entity_id,
      action: c.action,
      recordDate: c.record_date,
      actorName: c.actor_name,
    })),
    sendOpensOn: await sendOpensOn(db, cell.org_id ?? cell.id, month),
    version: row?.version ?? 0,
    actions: openReportActions('cell', state, cellRelations(actor, cell)),
  };
}

export async function actOnCellReport(
  db: Kysely<DB>,
  actor: Actor,
  input: CellReportActionInput,
): Promise<CellReport> {
  // Approving is the commune's; returning may be the commune's (from above) — the relations decide.
  if (input.action === 'approve') requirePermission(actor, 'monthly_report.approve');
  else if (!can(actor.role, 'monthly_report.write') && !can(actor.role, 'monthly_report.approve')) {
    throw new AppError('FORBIDDEN');
  }
  let cell: UnitRow | undefined;
  await db.transaction().execute(async (trx) => {
    cell = await loadCell(trx, actor, input.cellId);
    const row = await findCellReport(trx, cell.id, input.month);
    const state = (row?.state ?? 'draft') as ReportState;
    if ((row?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    const next = checkStep('cell', state, input.action, cellRelations(actor, cell), input.comment);
    if (input.action === 'submit') await requireSendWindow(trx, cell.org_id ?? cell.id, input.month);
    const now = nowIso();
    const values = {
      state: next,
      ...(input.text !== undefined && (input.action === 'save' || input.action === 'submit')
        ? { text: input.text }
        : {}),
      ...(input.action === 'return' ? { return_comment: input.comment ?? null } : {}),
      ...(input.action === 'submit'
        ? {
            figures: JSON.stringify(await cellMonthFigures(trx, cell, input.month)),
            figures_at: now,
            submitted_at: now,
          }
        : {}),
      ...(input.action === 'approve'
        ? {
            approved_at: now,
            approved_by: actor.userId,
            approved_by_name: await userDisplayName(trx, actor.userId),
          }
        : {}),
      updated_at: now,
    };
    const id = row?.id ?? uuidv7();
    if (!row) {
      await insertCellReport(trx, {
        id,
        org_id: cell.org_id ?? cell.id,
        scope_path: cell.path,
        cell_id: cell.id,
        month: input.month,
        text: '',
        return_comment: null,
        figures: null,
        figures_at: null,
        submitted_at: null,
        approved_at: null,
        approved_by: null,
        approved_by_name: null,
        created_at: now,
        ...values,
      });
    } else if (!(await updateCellReport(trx, row.id, { version: row.version, state }, values))) {
      throw new AppError('VERSION_CONFLICT');
    }
    await recordAudit(trx, actor, {
      action: row ? 'update' : 'create',
      entity: 'cell_report',
      entityId: id,
      orgId: cell.org_id,
      changes: {
        month: input.month,
        from: state,
        to: next,
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
  });
  return readCellReport(db, actor, cell!, input.month);
}

/** The commune's review list: every cell under the unit with its report's state for the month. */
export async function listCellReports(
  db: Kysely<DB>,
  actor: Actor,
  query: CellReportListQuery,
): Promise<CellReportSummary[]> {
  if (actor.role === 'member') throw new AppError('FORBIDDEN');
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const { first, last } = monthBounds(query.month);
  const cells = await listCellsUnder(db, path, last);
  const reports = new Map((await cellReportsUnder(db, path, query.month)).map((r) => [r.cell_id, r]));
  const counts = await memberCountsByCell(db, path, query.month, first, last);
  const late = await lateChangesOf(
    db,
    [...reports.values()].map((r) => r.id),
  );
  const lateByReport = new Map<string, number>();
  for (const c of late) lateByReport.set(c.report_id, (lateByReport.get(c.report_id) ?? 0) + 1);
  return cells
    .map((cell) => {
      const r = reports.get(cell.id);
      return {
        id: r?.id ?? null,
        cellId: cell.id,
        cellName: cell.name,
        month: query.month,
        state: (r?.state ?? 'draft') as ReportState,
        members: counts.get(cell.id)?.members ?? 0,
        membersReported: counts.get(cell.id)?.reported ?? 0,
        submittedAt: r?.submitted_at ?? null,
        approvedAt: r?.approved_at ?? null,
        lateChanges: r ? (lateByReport.get(r.id) ?? 0) : 0,
        version: r?.version ?? 0,
      };
    })
    .sort((a, b) => a.cellName.localeCompare(b.cellName, 'vi'));
}
