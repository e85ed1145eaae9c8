import { Alert, App, Button, List, Upload } from 'antd';
import { FileImageOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { maxAttachmentBytes, type FileAttachment } from '@caunoi/domain';
import { errorToMessage } from '../api/error-message';
import { formatNumber } from '../format/number';
import { useI18n } from '../i18n/i18n-context';

const accept = 'image/jpeg,image/png,application/pdf';

interface Props {
  attachments: FileAttachment[];
  /** Where the bytes of one attachment are read. */
  hrefOf: (a: FileAttachment) => string;
  canAdd: boolean;
  max: number;
  upload: UseMutationResult<FileAttachment, Error, File>;
  testId: string;
}

/** Photos and documents with an upload button; the server checks type and size again from the bytes. */
export function AttachmentList({ attachments, hrefOf, canAdd, max, upload, testId }: Props) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const full = attachments.length >= max;

  return (
    <>
      {upload.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(upload.error, language)} />
      ) : null}
      <List
        size="small"
        dataSource={attachments}
        locale={{ emptyText: t('attachments.none') }}
        renderItem={(a) => (
          <List.Item data-testid={testId}>
            <a href={hrefOf(a)} target="_blank" rel="noreferrer">
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
              void message.error(t('attachments.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            upload.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
            {t('attachments.add')}
          </Button>
        </Upload>
      ) : null}
    </>
  );
}
