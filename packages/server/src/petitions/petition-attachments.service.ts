import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  maxAttachmentBytes,
  maxAttachmentsPerPetition,
  type AttachmentMediaType,
  type PetitionAttachment,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { cleanFileName, sniffMediaType } from '../files/file-type.js';
import {
  countAttachments,
  findAttachmentMeta,
  insertAttachment,
  readAttachmentContent,
  toPetitionAttachment,
} from './petition-attachments.repository.js';
import { loadPetitionInScope, relationsOf } from './petitions.service.js';

/**
 * Adds a photo or a document to a petition. The bytes are stored in the
 * database (one backup holds everything); the type is read from them, never
 * from the name. Anyone who stands in a relation to the petition may add one.
 */
export async function addPetitionAttachment(
  db: Kysely<DB>,
  actor: Actor,
  petitionId: string,
  file: { id?: string | undefined; fileName: string | undefined; bytes: Buffer },
): Promise<PetitionAttachment> {
  requirePermission(actor, 'petition.write');
  if (file.bytes.length > maxAttachmentBytes) throw new AppError('ATTACHMENT_TOO_LARGE');
  const mediaType = sniffMediaType(file.bytes);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE');
  const id = file.id ?? uuidv7();
  return db.transaction().execute(async (trx) => {
    const petition = await loadPetitionInScope(trx, actor, petitionId);
    if (relationsOf(actor, petition).length === 0) throw new AppError('FORBIDDEN');
    const existing = await findAttachmentMeta(trx, id);
    if (existing) {
      // A retried upload: the first one stands.
      if (existing.petition_id !== petitionId || existing.created_by !== actor.userId) {
        throw new AppError('DUPLICATE_CODE', { field: 'id' });
      }
      return toPetitionAttachment(existing);
    }
    if ((await countAttachments(trx, petitionId)) >= maxAttachmentsPerPetition) {
      throw new AppError('TOO_MANY_ATTACHMENTS');
    }
    const row = {
      id,
      org_id: petition.org_id,
      petition_id: petitionId,
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
      entity: 'petition_attachment',
      entityId: id,
      orgId: petition.org_id,
      changes: { petitionId, fileName: row.file_name, mediaType, size: row.size, sha256: row.sha256 },
    });
    return toPetitionAttachment(row);
  });
}

export async function readPetitionAttachment(
  db: Kysely<DB>,
  actor: Actor,
  petitionId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: AttachmentMediaType; content: Buffer }> {
  const petition = await loadPetitionInScope(db, actor, petitionId);
  const meta = await findAttachmentMeta(db, attachmentId);
  if (!meta || meta.petition_id !== petitionId) throw new AppError('ATTACHMENT_NOT_FOUND');
  const content = await readAttachmentContent(db, attachmentId);
  if (!content) throw new AppError('ATTACHMENT_NOT_FOUND');
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'petition_attachment',
    entityId: attachmentId,
    orgId: petition.org_id,
  });
  return { fileName: meta.file_name, mediaType: meta.media_type as AttachmentMediaType, content };
}
