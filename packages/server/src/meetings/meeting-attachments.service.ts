import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  maxAttachmentBytes,
  maxAttachmentsPerMeeting,
  type AttachmentMediaType,
  type FileAttachment,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { cleanFileName, sniffMediaType } from '../files/file-type.js';
import {
  countMeetingAttachments,
  findMeetingAttachmentMeta,
  insertMeetingAttachment,
  readMeetingAttachmentContent,
  toFileAttachment,
} from './meeting-attachments.repository.js';
import { loadMeetingInScope } from './meetings.service.js';

/**
 * Adds the signed minutes (a scan or a photo) to a meeting. The type is read
 * from the bytes, never from the name; whoever may record the meeting may add it.
 */
export async function addMeetingAttachment(
  db: Kysely<DB>,
  actor: Actor,
  meetingId: string,
  file: { id?: string | undefined; fileName: string | undefined; bytes: Buffer },
): Promise<FileAttachment> {
  requirePermission(actor, 'meeting.write');
  if (file.bytes.length > maxAttachmentBytes) throw new AppError('ATTACHMENT_TOO_LARGE');
  const mediaType = sniffMediaType(file.bytes);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE');
  const id = file.id ?? uuidv7();
  return db.transaction().execute(async (trx) => {
    const meeting = await loadMeetingInScope(trx, actor, meetingId);
    const existing = await findMeetingAttachmentMeta(trx, id);
    if (existing) {
      // A retried upload: the first one stands.
      if (existing.meeting_id !== meetingId || existing.created_by !== actor.userId) {
        throw new AppError('DUPLICATE_CODE', { field: 'id' });
      }
      return toFileAttachment(existing);
    }
    if ((await countMeetingAttachments(trx, meetingId)) >= maxAttachmentsPerMeeting) {
      throw new AppError('TOO_MANY_ATTACHMENTS');
    }
    const row = {
      id,
      org_id: meeting.org_id,
      meeting_id: meetingId,
      file_name: cleanFileName(file.fileName, mediaType),
      media_type: mediaType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      created_by: actor.userId,
      created_at: nowIso(),
    };
    if (!(await insertMeetingAttachment(trx, { ...row, content: file.bytes }))) {
      throw new AppError('DUPLICATE_CODE', { field: 'id' });
    }
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'meeting_attachment',
      entityId: id,
      orgId: meeting.org_id,
      changes: { meetingId, mediaType, size: row.size, sha256: row.sha256 },
    });
    return toFileAttachment(row);
  });
}

export async function readMeetingAttachment(
  db: Kysely<DB>,
  actor: Actor,
  meetingId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: AttachmentMediaType; content: Buffer }> {
  const meeting = await loadMeetingInScope(db, actor, meetingId);
  const meta = await findMeetingAttachmentMeta(db, attachmentId);
  if (!meta || meta.meeting_id !== meetingId) throw new AppError('ATTACHMENT_NOT_FOUND');
  const content = await readMeetingAttachmentContent(db, attachmentId);
  if (!content) throw new AppError('ATTACHMENT_NOT_FOUND');
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'meeting_attachment',
    entityId: attachmentId,
    orgId: meeting.org_id,
  });
  return { fileName: meta.file_name, mediaType: meta.media_type as AttachmentMediaType, content };
}
