import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { maxAttachmentBytes, type AttachmentMediaType, type FileAttachment } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import {
  countAttachments,
  findAttachmentMeta,
  insertAttachment,
  readAttachmentContent,
  toFileAttachment,
  type AttachmentOwnerKind,
} from './attachments.repository.js';
import { cleanFileName, sniffMediaType } from './file-type.js';

export interface UploadedFile {
  id?: string | undefined;
  fileName: string | undefined;
  bytes: Buffer;
}

/** The record a file hangs on, already loaded in the actor's scope by its own service. */
export interface AttachmentOwner {
  kind: AttachmentOwnerKind;
  id: string;
  orgId: number;
  /** Files this owner may hold. */
  max: number;
}

/** Checks what can be checked before opening a transaction: size and the type read from the bytes. */
export function checkUpload(file: UploadedFile): AttachmentMediaType {
  if (file.bytes.length > maxAttachmentBytes) throw new AppError('ATTACHMENT_TOO_LARGE');
  const mediaType = sniffMediaType(file.bytes);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE');
  return mediaType;
}

/**
 * Stores the bytes in the database (one backup holds everything), inside the
 * caller's transaction, with an audit row that names the type, size and hash
 * but not the file name, which may carry a person's name. A retried upload
 * with the same id returns the first one.
 */
export async function storeAttachment(
  trx: Kysely<DB>,
  actor: Actor,
  owner: AttachmentOwner,
  file: UploadedFile,
): Promise<FileAttachment> {
  const mediaType = checkUpload(file);
  const id = file.id ?? uuidv7();
  const existing = await findAttachmentMeta(trx, id);
  if (existing) {
    if (
      existing.owner_kind !== owner.kind ||
      existing.owner_id !== owner.id ||
      existing.created_by !== actor.userId
    ) {
      throw new AppError('DUPLICATE_CODE', { field: 'id' });
    }
    return toFileAttachment(existing);
  }
  if ((await countAttachments(trx, owner.kind, owner.id)) >= owner.max) {
    throw new AppError('TOO_MANY_ATTACHMENTS');
  }
  const row = {
    id,
    org_id: owner.orgId,
    owner_kind: owner.kind,
    owner_id: owner.id,
    file_name: cleanFileName(file.fileName, mediaType),
    media_type: mediaType,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    created_by: actor.userId,
    created_at: nowIso(),
  };
  if (!(await insertAttachment(trx, { ...row, content: file.bytes }))) {
    throw new AppError('DUPLICATE_CODE', { field: 'id' });
  }
  await recordAudit(trx, actor, {
    action: 'create',
    entity: `${owner.kind}_attachment`,
    entityId: id,
    orgId: owner.orgId,
    changes: { [`${owner.kind}Id`]: owner.id, mediaType, size: row.size, sha256: row.sha256 },
  });
  return toFileAttachment(row);
}

/** The bytes of one attachment of an owner the caller has loaded in scope; the reading is audited. */
export async function readAttachment(
  db: Kysely<DB>,
  actor: Actor,
  owner: Omit<AttachmentOwner, 'max'>,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: AttachmentMediaType; content: Buffer }> {
  const meta = await findAttachmentMeta(db, attachmentId);
  if (!meta || meta.owner_kind !== owner.kind || meta.owner_id !== owner.id) {
    throw new AppError('ATTACHMENT_NOT_FOUND');
  }
  const content = await readAttachmentContent(db, attachmentId);
  if (!content) throw new AppError('ATTACHMENT_NOT_FOUND');
  await recordAudit(db, actor, {
    action: 'read',
    entity: `${owner.kind}_attachment`,
    entityId: attachmentId,
    orgId: owner.orgId,
  });
  return { fileName: meta.file_name, mediaType: meta.media_type as AttachmentMediaType, content };
}
