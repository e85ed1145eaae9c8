import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  foldVietnamese,
  isCellKind,
  todayInVietnam,
  type CreateMemberInput,
  type Member,
  type UnitKind,
  type UpdateMemberInput,
} from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { fromBool, nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import { insertMemberEvent } from './member-lifecycle.repository.js';
import { memberHistory, type MemberDetail } from './member-history.js';
import {
  findMemberById,
  findMemberRow,
  insertMember,
  insertMemberCell,
  listMemberCells,
  listMembersUnder,
  memberCodeTaken,
  toMember,
  updateMemberRow,
  type MemberRow,
} from './members.repository.js';

/** A member the actor may see: in the actor's subtree (a member account sees its own cell). */
export async function loadMemberInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<MemberRow> {
  const row = await findMemberRow(db, id);
  if (!row || !inScope(actor, row.scope_path)) throw new AppError('MEMBER_NOT_FOUND');
  return row;
}

export async function listMembers(
  db: Kysely<DB>,
  actor: Actor,
  query: { unitId?: number | undefined; q?: string | undefined; limit: number; offset: number },
): Promise<Member[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const rows = await listMembersUnder(db, {
    path,
    folded: query.q ? foldVietnamese(query.q) : undefined,
    onDate: todayInVietnam(),
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toMember);
}

export async function getMember(db: Kysely<DB>, actor: Actor, id: string): Promise<MemberDetail> {
  await loadMemberInScope(db, actor, id);
  const row = await findMemberById(db, id, todayInVietnam());
  if (!row) throw new AppError('MEMBER_NOT_FOUND');
  const cells = await listMemberCells(db, id);
  return {
    ...toMember(row),
    cells: cells.map((c) => ({
      cellId: c.cell_id,
      cellName: c.cell_name,
      startDate: c.start_date,
      endDate: c.end_date,
    })),
    ...(await memberHistory(db, id)),
  };
}

export async function createMember(db: Kysely<DB>, actor: Actor, input: CreateMemberInput): Promise<Member> {
  requirePermission(actor, 'member.write');
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const cell = await loadUnitInScope(trx, actor, input.cellId);
    if (!isCellKind(cell.kind as UnitKind) || cell.org_id === null) throw new AppError('NOT_A_CELL');
    if (await findMemberRow(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    // Unique per organisation, like households: see createHousehold.
    if (await memberCodeTaken(trx, cell.org_id, input.code))
      throw new AppError('DUPLICATE_CODE', { field: 'code' });
    const now = nowIso();
    const inserted = await insertMember(trx, {
      id,
      org_id: cell.org_id,
      cell_id: cell.id,
      scope_path: cell.path,
      code: input.code,
      full_name: input.fullName,
      name_folded: foldVietnamese(input.fullName),
      status: input.status,
      role: input.role,
      exempt: fromBool(input.exempt),
      birth_year: input.birthYear ?? null,
      sex: input.sex ?? null,
      phone: input.phone ?? null,
      active_from: input.activeFrom,
      active_to: null,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) throw new AppError('DUPLICATE_CODE', { field: 'code' });
    await insertMemberCell(trx, {
      id: uuidv7(),
      org_id: cell.org_id,
      member_id: id,
      cell_id: cell.id,
      start_date: input.activeFrom,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'member',
      entityId: id,
      orgId: cell.org_id,
      changes: input,
    });
    await insertMemberEvent(trx, {
      id: uuidv7(),
      org_id: cell.org_id,
      member_id: id,
      kind: 'joined',
      effective_date: input.activeFrom,
      details: JSON.stringify({ cellId: cell.id }),
      actor_id: actor.userId,
      created_at: now,
    });
    await refreshCellCoverage(trx, [cell.id]);
  });
  return toMember((await findMemberById(db, id, todayInVietnam()))!);
}

export async function updateMember(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateMemberInput,
): Promise<Member> {
  requirePermission(actor, 'member.write');
  if (input.cellId !== undefined)
    throw new AppError('USE_MEMBER_ACTION', { field: 'cellId', action: 'transfer' });
  if (input.activeTo !== undefined)
    throw new AppError('USE_MEMBER_ACTION', { field: 'activeTo', action: 'leave' });
  await db.transaction().execute(async (trx) => {
    const row = await loadMemberInScope(trx, actor, id);
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const values = {
      ...(input.fullName === undefined
        ? {}
        : { full_name: input.fullName, name_folded: foldVietnamese(input.fullName) }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.role === undefined ? {} : { role: input.role }),
      ...(input.exempt === undefined ? {} : { exempt: fromBool(input.exempt) }),
      ...(input.birthYear === undefined ? {} : { birth_year: input.birthYear }),
      ...(input.sex === undefined ? {} : { sex: input.sex }),
      ...(input.phone === undefined ? {} : { phone: input.phone }),
      updated_at: nowIso(),
    };
    if (!(await updateMemberRow(trx, id, input.version, values))) throw new AppError('VERSION_CONFLICT');
    const { version: _version, cellId: _cellId, activeTo: _activeTo, ...changed } = input;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'member',
      entityId: id,
      orgId: row.org_id,
      changes: diff(
        {
          fullName: row.full_name,
          status: row.status,
          role: row.role,
          exempt: row.exempt === 1,
          birthYear: row.birth_year,
          sex: row.sex,
          phone: row.phone,
        },
        changed,
      ),
    });
  });
  return toMember((await findMemberById(db, id, todayInVietnam()))!);
}
