import type { Kysely } from 'kysely';
import { maxAttachmentsPerPetition, type FileAttachment } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import {
  checkUpload,
  readAttachment,
  storeAttachment,
  type UploadedFile,
} from '../files/attachments.service.js';
import { loadPetitionInScope, relationsOf } from './petitions.service.js';

/** A photo or a document: anyone who stands in a relation to the petition may add one. */
export async function addPetitionAttachment(
  db: Kysely<DB>,
  actor: Actor,
  petitionId: string,
  file: UploadedFile,
): Promise<FileAttachment> {
  requirePermission(actor, 'petition.write');
  checkUpload(file);
  return db.transaction().execute(async (trx) => {
    const petition = await loadPetitionInScope(trx, actor, petitionId);
    if (relationsOf(actor, petition).length === 0) throw new AppError('FORBIDDEN');
    const owner = {
      kind: 'petition',
      id: petitionId,
      orgId: petition.org_id,
      max: maxAttachmentsPerPetition,
    } as const;
    return storeAttachment(trx, actor, owner, file);
  });
}

export async function readPetitionAttachment(
  db: Kysely<DB>,
  actor: Actor,
  petitionId: string,
  attachmentId: string,
) {
  const petition = await loadPetitionInScope(db, actor, petitionId);
  return readAttachment(
    db,
    actor,
    { kind: 'petition', id: petitionId, orgId: petition.org_id },
    attachmentId,
  );
}
