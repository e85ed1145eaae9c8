import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AttachmentMediaType, FileAttachment } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { AttachmentTable } from '../db/schema-petitions.js';
import { isUniqueViolation, toCount } from '../db/sql-helpers.js';

export type AttachmentOwnerKind = 'petition' | 'meeting';
export type AttachmentMeta = Omit<Selectable<AttachmentTable>, 'content'>;

export function toFileAttachment(row: AttachmentMeta): FileAttachment {
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
  'owner_kind',
  'owner_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'created_by',
  'created_at',
] as const;

/** Lists never read the bytes. */
export async function listAttachmentMeta(
  db: Kysely<DB>,
  kind: AttachmentOwnerKind,
  ownerId: string,
): Promise<AttachmentMeta[]> {
  return db
    .selectFrom('attachments')
    .select(metaColumns)
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countAttachments(
  db: Kysely<DB>,
  kind: AttachmentOwnerKind,
  ownerId: string,
): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return toCount(row.n as number);
}

export async function findAttachmentMeta(db: Kysely<DB>, id: string): Promise<AttachmentMeta | undefined> {
  return db.selectFrom('attachments').select(metaColumns).where('id', '=', id).executeTakeFirst();
}

export async function readAttachmentContent(db: Kysely<DB>, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('attachments').select('content').where('id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

/** False when the id is taken (a retried upload). */
export async function insertAttachment(db: Kysely<DB>, row: Insertable<AttachmentTable>): Promise<boolean> {
  try {
    await db.insertInto('attachments').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
