import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  awardLevels,
  rateableKinds,
  type Award,
  type AwardListQuery,
  type AwardSummary,
  type CreateAwardInput,
  type UnitKind,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { loadMemberInScope } from '../members/members.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  awardCounts,
  findAward,
  findAwardTitle,
  insertAward,
  listAwardsUnder,
  toAward,
} from './awards.repository.js';

export async function listAwards(db: Kysely<DB>, actor: Actor, query: AwardListQuery): Promise<Award[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const rows = await listAwardsUnder(db, {
    path,
    year: query.year,
    recipientKind: query.recipientKind,
    limit: query.limit + 1,
    offset: query.offset,
  });
  return rows.map(toAward);
}

export async function summariseAwards(
  db: Kysely<DB>,
  actor: Actor,
  query: { unitId?: number | undefined; year: number },
): Promise<AwardSummary> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const rows = await awardCounts(db, path, query.year);
  const count = (kind: string, level?: string) =>
    rows
      .filter((r) => r.recipient_kind === kind && (level === undefined || r.level === level))
      .reduce((sum, r) => sum + r.n, 0);
  return {
    year: query.year,
    collectives: count('collective'),
    individuals: count('individual'),
    byLevel: awardLevels
      .map((level) => ({
        level,
        collectives: count('collective', level),
        individuals: count('individual', level),
      }))
      .filter((l) => l.collectives + l.individuals > 0),
  };
}

function invalid(path: string): AppError {
  return new AppError('VALIDATION_FAILED', { in: 'body', issues: [{ path, code: 'recipient' }] });
}

/** Who receives the award, where it is kept (scope) and its grassroots organisation. */
async function resolveRecipient(db: Kysely<DB>, actor: Actor, input: CreateAwardInput) {
  if (input.recipientKind === 'collective') {
    if (input.unitId === undefined || input.memberId || input.householdId || input.personName)
      throw invalid('/unitId');
    const unit = await loadUnitInScope(db, actor, input.unitId);
    if (!rateableKinds.includes(unit.kind as UnitKind) || unit.org_id === null)
      throw new AppError('UNIT_NOT_RATEABLE');
    return {
      name: unit.name,
      path: unit.path,
      orgId: unit.org_id,
      unitId: unit.id,
      memberId: null,
      householdId: null,
    };
  }
  if (input.unitId !== undefined) throw invalid('/unitId');
  if (input.memberId) {
    if (input.householdId || input.personName) throw invalid('/memberId');
    const member = await loadMemberInScope(db, actor, input.memberId);
    return {
      name: member.full_name,
      path: member.scope_path,
      orgId: member.org_id,
      unitId: null,
      memberId: member.id,
      householdId: null,
    };
  }
  if (!input.householdId || !input.personName) throw invalid('/householdId');
  const household = await loadHouseholdInScope(db, actor, input.householdId);
  return {
    name: input.personName,
    path: household.scope_path,
    orgId: household.org_id,
    unitId: null,
    memberId: null,
    householdId: household.id,
  };
}

/**
 * Records a commendation: the form must be in force on the decision date,
 * kept by a unit above the recipient (or national), and made for this kind of
 * recipient.
 */
export async function createAward(db: Kysely<DB>, actor: Actor, input: CreateAwardInput): Promise<Award> {
  requirePermission(actor, 'award.write');
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const recipient = await resolveRecipient(trx, actor, input);
    const title = await findAwardTitle(trx, input.titleId);
    if (!title) throw new AppError('CATALOGUE_NOT_FOUND');
    const inForce =
      title.valid_from <= input.decisionDate &&
      (title.valid_to === null || input.decisionDate <= title.valid_to);
    const keptAbove = title.owner_path === null || recipient.path.startsWith(title.owner_path);
    const forRecipient = title.recipient_kind === 'both' || title.recipient_kind === input.recipientKind;
    if (!inForce || !keptAbove || !forRecipient) throw new AppError('AWARD_TITLE_NOT_VALID');
    if (await findAward(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    const now = nowIso();
    await insertAward(trx, {
      id,
      org_id: recipient.orgId,
      scope_path: recipient.path,
      recipient_kind: input.recipientKind,
      recipient_name: recipient.name,
      unit_id: recipient.unitId,
      member_id: recipient.memberId,
      household_id: recipient.householdId,
      title_id: title.id,
      title_code: title.code,
      title_name: title.name,
      level: title.level,
      issuer: input.issuer,
      decision_number: input.decisionNumber,
      decision_date: input.decisionDate,
      year: input.year,
      reason: input.reason,
      basis: input.basis ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'award',
      entityId: id,
      orgId: recipient.orgId,
      changes: { ...input, id },
    });
  });
  return toAward((await findAward(db, id))!);
}
