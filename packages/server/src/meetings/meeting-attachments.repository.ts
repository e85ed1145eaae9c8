import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AttachmentMediaType, FileAttachment } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { MeetingAttachmentTable } from '../db/schema-cell-life.js';
import { isUniqueViolation, toCount } from '../db/sql-helpers.js';

export type MeetingAttachmentMeta = Omit<Selectable<MeetingAttachmentTable>, 'content'>;

export function toFileAttachment(row: MeetingAttachmentMeta): FileAttachment {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type as AttachmentMediaType,
    size: row.size,
    createdAt: row.created_at,
  };
}

const metaColumns = [
  'id',
  'org_id',
  'meeting_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'created_by',
  'created_at',
] as const;

/** Lists never read the bytes. */
export async function listMeetingAttachmentMeta(
  db: Kysely<DB>,
  meetingId: string,
): Promise<MeetingAttachmentMeta[]> {
  return db
    .selectFrom('meeting_attachments')
    .select(metaColumns)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countMeetingAttachments(db: Kysely<DB>, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_attachments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return toCount(row.n as number);
}

export async function findMeetingAttachmentMeta(
  db: Kysely<DB>,
  id: string,
): Promise<MeetingAttachmentMeta | undefined> {
  return db.selectFrom('meeting_attachments').select(metaColumns).where('id', '=', id).executeTakeFirst();
}

export async function readMeetingAttachmentContent(db: Kysely<DB>, id: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('meeting_attachments')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

/** False when the id is taken (a retried upload). */
export async function insertMeetingAttachment(
  db: Kysely<DB>,
  row: Insertable<MeetingAttachmentTable>,
): Promise<boolean> {
  try {
    await db.insertInto('meeting_attachments').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
