import type { Insertable, Kysely } from 'kysely';
import type { Notification, NotificationKind } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { NotificationTable } from '../db/schema-petitions.js';
import { nowIso, toCount } from '../db/sql-helpers.js';

/** The active accounts of a unit itself (not of the units below it), member accounts left out. */
export async function unitAccountIds(db: Kysely<DB>, unitId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('scope_unit_id', '=', unitId)
    .where('active', '=', 1)
    .where('role', '!=', 'member')
    .execute();
  return rows.map((r) => r.id);
}

/** The active accounts linked to a party member. */
export async function memberAccountIds(db: Kysely<DB>, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('member_id', '=', memberId)
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertNotifications(
  db: Kysely<DB>,
  rows: Insertable<NotificationTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

export async function listNotifications(
  db: Kysely<DB>,
  filter: { userId: string; unread?: boolean | undefined; limit: number; offset: number },
): Promise<Notification[]> {
  let query = db
    .selectFrom('notifications')
    .innerJoin('petitions', 'petitions.id', 'notifications.petition_id')
    .leftJoin('org_units', 'org_units.id', 'notifications.unit_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.petition_id',
      'petitions.title',
      'org_units.name as unit_name',
      'notifications.created_at',
      'notifications.read_at',
    ])
    .where('notifications.user_id', '=', filter.userId);
  if (filter.unread !== undefined) {
    query = query.where('notifications.read_at', filter.unread ? 'is' : 'is not', null);
  }
  const rows = await query
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    petitionId: r.petition_id,
    petitionTitle: r.title,
    unitName: r.unit_name,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export async function countUnread(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return toCount(row.n as number);
}

/** Marks the account's own notifications read; others' ids are ignored. Returns how many changed. */
export async function markRead(
  db: Kysely<DB>,
  userId: string,
  ids: readonly string[] | undefined,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return toCount(result.numUpdatedRows);
}
