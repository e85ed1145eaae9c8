import { maxAttachmentsPerMeeting, type FileAttachment } from '@caunoi/domain';
import { AttachmentList } from '../../components/AttachmentList';
import { useUploadMinutes } from './mutations';

/** The signed minutes, photographed or scanned, kept with the meeting. */
export function MinutesAttachments(props: {
  meetingId: string;
  attachments: FileAttachment[];
  canAdd: boolean;
}) {
  const upload = useUploadMinutes(props.meetingId);
  return (
    <AttachmentList
      attachments={props.attachments}
      hrefOf={(a) => `/api/v1/meetings/${props.meetingId}/attachments/${a.id}`}
      canAdd={props.canAdd}
      max={maxAttachmentsPerMeeting}
      upload={upload}
      testId="minutes-attachment"
    />
  );
}
