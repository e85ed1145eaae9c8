import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  todayInVietnam,
  type MarkNotificationsReadInput,
  type Notification,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationSummary,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { countWaiting, type WaitingOn } from '../petitions/petitions.repository.js';
import {
  countUnread,
  insertNotifications,
  listNotifications as listNotificationRows,
  markRead,
  memberAccountIds,
  unitAccountIds,
} from './notifications.repository.js';

export interface PetitionNotice {
  orgId: number;
  petitionId: string;
  kind: NotificationKind;
  /** The unit the notice is about: where the petition went. */
  unitId: number | null;
  /** Accounts of these units are told … */
  units?: readonly number[];
  /** … and the accounts of these party members. */
  members?: readonly (string | null)[];
  /** The person who acted knows already. */
  exceptUserId?: string | undefined;
}

/**
 * Writes one notification per account concerned, in the transaction of the
 * change it announces: a rolled-back step notifies nobody.
 */
export async function notifyPetition(db: Kysely<DB>, notice: PetitionNotice): Promise<number> {
  const recipients = new Set<string>();
  for (const unitId of notice.units ?? [])
    for (const id of await unitAccountIds(db, unitId)) recipients.add(id);
  for (const memberId of notice.members ?? []) {
    if (memberId) for (const id of await memberAccountIds(db, memberId)) recipients.add(id);
  }
  if (notice.exceptUserId) recipients.delete(notice.exceptUserId);
  const now = nowIso();
  await insertNotifications(
    db,
    [...recipients].map((userId) => ({
      id: uuidv7(),
      org_id: notice.orgId,
      user_id: userId,
      kind: notice.kind,
      petition_id: notice.petitionId,
      unit_id: notice.unitId,
      created_at: now,
      read_at: null,
    })),
  );
  return recipients.size;
}

/** Whose steps an account holds: its member's, and (not for member accounts) its unit's. */
export function waitingOnOf(actor: Actor): WaitingOn {
  return { memberId: actor.memberId, unitId: isMemberOnly(actor) ? null : actor.scopeUnitId };
}

export async function listMyNotifications(
  db: Kysely<DB>,
  actor: Actor,
  query: NotificationListQuery,
): Promise<Notification[]> {
  return listNotificationRows(db, {
    userId: actor.userId,
    unread: query.unread === undefined ? undefined : query.unread === 'true',
    limit: query.limit + 1,
    offset: query.offset,
  });
}

export async function notificationSummary(db: Kysely<DB>, actor: Actor): Promise<NotificationSummary> {
  const [unread, waiting] = await Promise.all([
    countUnread(db, actor.userId),
    countWaiting(db, waitingOnOf(actor), todayInVietnam()),
  ]);
  return { unread, waiting: waiting.waiting, waitingOverdue: waiting.overdue };
}

export async function markNotificationsRead(
  db: Kysely<DB>,
  actor: Actor,
  input: MarkNotificationsReadInput,
): Promise<{ updated: number }> {
  return { updated: await markRead(db, actor.userId, input.ids) };
}
