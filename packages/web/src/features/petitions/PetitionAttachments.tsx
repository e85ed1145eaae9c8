import { Alert, App, Button, List, Upload } from 'antd';
import { FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { maxAttachmentBytes, maxAttachmentsPerPetition, type Petition } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { useUploadAttachment } from './mutations';

const accept = 'image/jpeg,image/png,application/pdf';

/** Photos and documents of a petition; the server checks type and size again from the bytes. */
export function PetitionAttachments({ petition, canAdd }: { petition: Petition; canAdd: boolean }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const upload = useUploadAttachment(petition.id);
  const full = petition.attachments.length >= maxAttachmentsPerPetition;

  return (
    <>
      {upload.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(upload.error, language)} />
      ) : null}
      <List
        size="small"
        dataSource={petition.attachments}
        locale={{ emptyText: t('petitions.noAttachments') }}
        renderItem={(a) => (
          <List.Item data-testid="petition-attachment">
            <a href={`/api/v1/petitions/${petition.id}/attachments/${a.id}`} target="_blank" rel="noreferrer">
              {a.mediaType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {a.fileName}
            </a>
            <span className="muted">{formatNumber(Math.ceil(a.size / 1024))} KB</span>
          </List.Item>
        )}
      />
      {canAdd && !full ? (
        <Upload
          accept={accept}
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > maxAttachmentBytes) {
              void message.error(t('petitions.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            upload.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
            {t('petitions.addAttachment')}
          </Button>
        </Upload>
      ) : null}
    </>
  );
}
