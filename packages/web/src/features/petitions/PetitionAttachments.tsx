import { maxAttachmentsPerPetition, type Petition } from '@caunoi/domain';
import { AttachmentList } from '../../components/AttachmentList';
import { useUploadAttachment } from './mutations';

/** Photos and documents of a petition. */
export function PetitionAttachments({ petition, canAdd }: { petition: Petition; canAdd: boolean }) {
  const upload = useUploadAttachment(petition.id);
  return (
    <AttachmentList
      attachments={petition.attachments}
      hrefOf={(a) => `/api/v1/petitions/${petition.id}/attachments/${a.id}`}
      canAdd={canAdd}
      max={maxAttachmentsPerPetition}
      upload={upload}
      testId="petition-attachment"
    />
  );
}
