import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AwardTitle, AwardTitleListQuery, CreateAwardTitleInput } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { dayBefore, pathIds } from '../meetings/meeting-sheets.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import {
  awardTitleVersions,
  closeAwardTitle,
  findAwardTitle,
  insertAwardTitle,
  listAwardTitlesFor,
  toAwardTitle,
} from './awards.repository.js';

export async function listAwardTitles(
  db: Kysely<DB>,
  actor: Actor,
  query: AwardTitleListQuery,
): Promise<AwardTitle[]> {
  const path = query.unitId ? (await loadUnitInScope(db, actor, query.unitId)).path : actor.scopePath;
  const rows = await listAwardTitlesFor(db, path, pathIds(path), query.onDate);
  return rows.map(toAwardTitle);
}

/**
 * A new version of a form of commendation. The version in force is closed
 * the day before; a national entry (no keeping unit) is for administrators.
 */
export async function createAwardTitle(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateAwardTitleInput,
): Promise<AwardTitle> {
  requirePermission(actor, 'catalogue.write');
  if (input.ownerUnitId === null && actor.role !== 'admin') throw new AppError('FORBIDDEN');
  const id = input.id ?? uuidv7();
  await db.transaction().execute(async (trx) => {
    const owner = input.ownerUnitId === null ? null : await loadUnitInScope(trx, actor, input.ownerUnitId);
    if (await findAwardTitle(trx, id)) throw new AppError('DUPLICATE_CODE', { field: 'id' });
    const now = nowIso();
    for (const version of await awardTitleVersions(trx, owner?.id ?? null, input.code)) {
      if (version.valid_to !== null && version.valid_to < input.validFrom) continue;
      if (version.valid_to !== null || version.valid_from >= input.validFrom)
        throw new AppError('CATALOGUE_OVERLAP');
      const validTo = dayBefore(input.validFrom);
      await closeAwardTitle(trx, version.id, validTo, now);
      await recordAudit(trx, actor, {
        action: 'end',
        entity: 'award_title',
        entityId: version.id,
        orgId: owner?.org_id ?? null,
        changes: { validTo: [null, validTo] },
      });
    }
    await insertAwardTitle(trx, {
      id,
      owner_unit_id: owner?.id ?? null,
      owner_path: owner?.path ?? null,
      org_id: owner?.org_id ?? null,
      code: input.code,
      name: input.name,
      level: input.level,
      recipient_kind: input.recipientKind,
      issuer: input.issuer ?? null,
      consecutive_excellent_years: input.consecutiveExcellentYears ?? null,
      source: input.source ?? null,
      valid_from: input.validFrom,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'award_title',
      entityId: id,
      orgId: owner?.org_id ?? null,
      changes: { ...input, id },
    });
  });
  return toAwardTitle((await findAwardTitle(db, id))!);
}
