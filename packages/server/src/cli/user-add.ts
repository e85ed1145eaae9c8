import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { todayInVietnam, type Role } from '@caunoi/domain';
import { systemActor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { isAppError } from '../errors/app-error.js';
import { createUser } from '../users/users.service.js';
import { findCurrentUnitByCode } from '../units/units.repository.js';

export async function runUserAdd(
  db: Kysely<DB>,
  options: { username: string; role: Role; scope: string; name?: string; member?: string; password?: string },
): Promise<void> {
  const unit = await findCurrentUnitByCode(db, options.scope, todayInVietnam());
  if (!unit) throw new Error(`Không tìm thấy đơn vị có mã ${options.scope}.`);
  let memberId: string | null = null;
  if (options.member) {
    const member = await db
      .selectFrom('members')
      .select('id')
      .where('code', '=', options.member)
      .executeTakeFirst();
    if (!member) throw new Error(`Không tìm thấy đảng viên có mã ${options.member}.`);
    memberId = member.id;
  }
  const generated = !options.password && !process.env.CAUNOI_PASSWORD;
  const password = options.password ?? process.env.CAUNOI_PASSWORD ?? randomBytes(12).toString('base64url');
  try {
    const user = await createUser(db, systemActor(), {
      username: options.username,
      password,
      displayName: options.name ?? options.username,
      role: options.role,
      scopeUnitId: unit.id,
      memberId,
      language: 'vi',
    });
    console.log(`Đã tạo tài khoản ${user.username} (${user.role}) phạm vi ${user.scopeUnitName}.`);
    if (generated) console.log(`Mật khẩu: ${password}`);
  } catch (error) {
    if (isAppError(error)) {
      const detail = error.details ? ` (${JSON.stringify(error.details)})` : '';
      throw new Error(`${error.message}${detail} [${error.code}]`);
    }
    throw error;
  }
}
