import type { Kysely } from 'kysely';
import { todayInVietnam, type Role } from '@caunoi/domain';
import { systemActor, type Actor } from '../auth/actor.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import type { DB } from '../db/schema.js';
import { findUnitById, findCurrentUnitByCode } from '../units/units.repository.js';

/**
 * Who a command acts as: an account (`--as USERNAME`, with its role and scope,
 * so a command does exactly what that person could do in the app), or the
 * system (full scope, recorded as such in the audit log).
 */
export async function cliActor(db: Kysely<DB>, username: string | undefined): Promise<Actor> {
  if (username === undefined) return systemActor();
  const user = await findUserByUsername(db, username);
  if (!user || user.active !== 1) throw new Error(`Không tìm thấy tài khoản đang hoạt động ${username}.`);
  const unit = await findUnitById(db, user.scope_unit_id);
  if (!unit) throw new Error(`Tài khoản ${username} không có phạm vi.`);
  return {
    userId: user.id,
    role: user.role as Role,
    scopeUnitId: unit.id,
    scopePath: unit.path,
    memberId: user.member_id,
    ip: null,
  };
}

/** The id of the unit carrying this code today, or an error naming the code (the user typed it). */
export async function unitIdByCode(db: Kysely<DB>, code: string): Promise<number> {
  const unit = await findCurrentUnitByCode(db, code, todayInVietnam());
  if (!unit) throw new Error(`Không tìm thấy đơn vị có mã ${code}.`);
  return unit.id;
}
