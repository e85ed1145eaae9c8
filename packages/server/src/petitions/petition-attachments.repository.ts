import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AttachmentMediaType, PetitionAttachment } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { PetitionAttachmentTable } from '../db/schema-petitions.js';
import { isUniqueViolation, toCount } from '../db/sql-helpers.js';

type AttachmentMeta = Omit<Selectable<PetitionAttachmentTable>, 'content'>;

export function toPetitionAttachment(row: AttachmentMeta): PetitionAttachment {
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
  'petition_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'created_by',
  'created_at',
] as const;

/** Lists never read the bytes. */
export async function listAttachmentMeta(db: Kysely<DB>, petitionId: string): Promise<AttachmentMeta[]> {
  return db
    .selectFrom('petition_attachments')
    .select(metaColumns)
    .where('petition_id', '=', petitionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countAttachments(db: Kysely<DB>, petitionId: string): Promise<number> {
  const row = await db
    .selectFrom('petition_attachments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('petition_id', '=', petitionId)
    .executeTakeFirstOrThrow();
  return toCount(row.n as number);
}

export async function findAttachmentMeta(db: Kysely<DB>, id: string): Promise<AttachmentMeta | undefined> {
  return db.selectFrom('petition_attachments').select(metaColumns).where('id', '=', id).executeTakeFirst();
}

export async function readAttachmentContent(db: Kysely<DB>, id: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('petition_attachments')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

/** False when the id is taken (a retried upload). */
export async function insertAttachment(
  db: Kysely<DB>,
  row: Insertable<PetitionAttachmentTable>,
): Promise<boolean> {
  try {
    await db.insertInto('petition_attachments').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
