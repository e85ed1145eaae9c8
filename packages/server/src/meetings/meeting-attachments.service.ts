import type { Kysely } from 'kysely';
import { maxAttachmentsPerMeeting, type FileAttachment } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import {
  checkUpload,
  readAttachment,
  storeAttachment,
  type UploadedFile,
} from '../files/attachments.service.js';
import { loadMeetingInScope } from './meetings.service.js';

/** The signed minutes (a scan or a photo): whoever may record the meeting may add them. */
export async function addMeetingAttachment(
  db: Kysely<DB>,
  actor: Actor,
  meetingId: string,
  file: UploadedFile,
): Promise<FileAttachment> {
  requirePermission(actor, 'meeting.write');
  checkUpload(file);
  return db.transaction().execute(async (trx) => {
    const meeting = await loadMeetingInScope(trx, actor, meetingId);
    const owner = {
      kind: 'meeting',
      id: meetingId,
      orgId: meeting.org_id,
      max: maxAttachmentsPerMeeting,
    } as const;
    return storeAttachment(trx, actor, owner, file);
  });
}

export async function readMeetingAttachment(
  db: Kysely<DB>,
  actor: Actor,
  meetingId: string,
  attachmentId: string,
) {
  const meeting = await loadMeetingInScope(db, actor, meetingId);
  return readAttachment(db, actor, { kind: 'meeting', id: meetingId, orgId: meeting.org_id }, attachmentId);
}
