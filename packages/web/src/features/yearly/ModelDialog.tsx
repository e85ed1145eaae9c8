import { App, Form, Input, Modal, Radio } from 'antd';
import { v7 as uuidv7 } from 'uuid';
import { modelKindLabels, modelKinds, type ModelKind } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useSaveModel } from './mutations';

interface Values {
  kind: ModelKind;
  title: string;
  holder: string;
  field?: string;
}

/** Records a dân vận khéo model recognised in the year, for the committee or cell on the page. */
export function ModelDialog({
  unitId,
  year,
  onClose,
}: {
  unitId: number;
  year: number;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveModel();
  return (
    <Modal
      open
      title={t('targets.newModel')}
      okText={t('targets.save')}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'collective' }}
        onFinish={(v) =>
          save.mutate(
            {
              id: uuidv7(),
              unitId,
              year,
              kind: v.kind,
              title: v.title,
              holder: v.holder,
              field: v.field?.trim() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('targets.modelSaved'));
                onClose();
              },
              onError: (error) => void message.error(errorToMessage(error, language)),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('targets.kind')}>
          <Radio.Group options={modelKinds.map((k) => ({ value: k, label: label(modelKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('targets.modelTitle')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="holder" label={t('targets.holder')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="field" label={t('targets.field')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
