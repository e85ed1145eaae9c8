import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CommitmentItem, CreateCommitmentItemInput, UpdateCommitmentItemInput } from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  findCommitmentItem,
  insertCommitmentItem,
  listCommitmentItems,
  nextCommitmentPosition,
  toCommitmentItem,
  updateCommitmentItemRow,
} from './commitment-items.repository.js';

/** The grassroots organisation whose catalogue a unit uses. */
async function orgOf(db: Kysely<DB>, actor: Actor, unitId: number): Promise<number> {
  const unit = await loadUnitInScope(db, actor, unitId);
  if (unit.org_id === null) throw new AppError('NOT_A_GRASSROOTS_UNIT');
  return unit.org_id;
}

/** Writing the catalogue needs the organisation itself in scope: a cell does not edit its commune's list. */
async function requireOrgInScope(db: Kysely<DB>, actor: Actor, orgId: number, notFound: AppError) {
  const org = await findUnitById(db, orgId);
  if (!org || !inScope(actor, org.path)) throw notFound;
}

export async function listCommitmentCatalogue(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  year?: number,
): Promise<CommitmentItem[]> {
  const orgId = await orgOf(db, actor, unitId);
  return (await listCommitmentItems(db, orgId, year)).map(toCommitmentItem);
}

export async function createCommitmentItem(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  input: CreateCommitmentItemInput,
): Promise<CommitmentItem> {
  requirePermission(actor, 'commitment.write');
  if (input.validToYear != null && input.validToYear < input.validFromYear)
    throw new AppError('INVALID_DATES');
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const orgId = await orgOf(trx, actor, unitId);
    await requireOrgInScope(trx, actor, orgId, new AppError('UNIT_NOT_FOUND'));
    if (await findCommitmentItem(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    const now = nowIso();
    await insertCommitmentItem(trx, {
      id,
      org_id: orgId,
      position: input.position ?? (await nextCommitmentPosition(trx, orgId)),
      text: input.text,
      valid_from_year: input.validFromYear,
      valid_to_year: input.validToYear ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'commitment_item',
      entityId: id,
      orgId,
      changes: input,
    });
  });
  return toCommitmentItem((await findCommitmentItem(db, id))!);
}

export async function updateCommitmentItem(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateCommitmentItemInput,
): Promise<CommitmentItem> {
  requirePermission(actor, 'commitment.write');
  await db.transaction().execute(async (trx) => {
    const row = await findCommitmentItem(trx, id);
    if (!row) throw new AppError('COMMITMENT_ITEM_NOT_FOUND');
    await requireOrgInScope(trx, actor, row.org_id, new AppError('COMMITMENT_ITEM_NOT_FOUND'));
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const from = input.validFromYear ?? row.valid_from_year;
    const to = input.validToYear === undefined ? row.valid_to_year : input.validToYear;
    if (to !== null && to < from) throw new AppError('INVALID_DATES');
    const updated = await updateCommitmentItemRow(trx, id, input.version, {
      ...(input.text === undefined ? {} : { text: input.text }),
      ...(input.position === undefined ? {} : { position: input.position }),
      valid_from_year: from,
      valid_to_year: to,
      updated_at: nowIso(),
    });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    const { version: _version, ...changes } = input;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'commitment_item',
      entityId: id,
      orgId: row.org_id,
      changes,
    });
  });
  return toCommitmentItem((await findCommitmentItem(db, id))!);
}
