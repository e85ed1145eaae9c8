import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { can, canGrantRole, type CreateUserInput, type UserSummary } from '@caunoi/domain';
import { inScope, requirePermission, type Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadMemberInScope } from '../members/members.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import { findUserSummary, insertUser, listUsersUnder, usernameTaken } from './users.repository.js';

export async function listUsers(
  db: Kysely<DB>,
  actor: Actor,
  page: { limit: number; offset: number },
): Promise<UserSummary[]> {
  // Listing serves both creating accounts and managing them (a commune's leadership resets its cells' passwords).
  if (!can(actor.role, 'user.write')) requirePermission(actor, 'user.manage');
  return listUsersUnder(db, actor.scopePath, page.limit + 1, page.offset);
}

/**
 * Creates an account. Its scope must lie inside the creator's; a member
 * account is tied to a party member of its scope cell.
 */
export async function createUser(db: Kysely<DB>, actor: Actor, input: CreateUserInput): Promise<UserSummary> {
  requirePermission(actor, 'user.write');
  if (!canGrantRole(actor.role, input.role)) throw new AppError('ROLE_NOT_GRANTABLE');
  // Hash before the transaction: argon2 takes tens of milliseconds and must not hold the SQLite writer.
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    const unit = await loadUnitInScope(trx, actor, input.scopeUnitId);
    if (input.memberId) {
      const member = await loadMemberInScope(trx, actor, input.memberId);
      if (!inScope({ ...actor, scopePath: unit.path }, member.scope_path))
        throw new AppError('MEMBER_NOT_FOUND');
    } else if (input.role === 'member') {
      throw new AppError('VALIDATION_FAILED', { field: 'memberId' });
    }
    if (await usernameTaken(trx, input.username)) throw new AppError('DUPLICATE_USERNAME');
    const now = nowIso();
    await insertUser(trx, {
      id,
      username: input.username,
      password_hash: passwordHash,
      display_name: input.displayName,
      role: input.role,
      scope_unit_id: unit.id,
      member_id: input.memberId ?? null,
      language: input.language,
      active: 1,
      created_at: now,
      updated_at: now,
    });
    const { password: _password, ...recorded } = input;
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'user',
      entityId: id,
      orgId: unit.org_id,
      changes: recorded,
    });
  });
  const created = await findUserSummary(db, id);
  if (!created) throw new AppError('USER_NOT_FOUND');
  const { unitPath: _path, ...summary } = created;
  return summary;
}
