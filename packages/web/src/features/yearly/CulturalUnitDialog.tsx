import { App, Form, Input, Modal, Radio } from 'antd';
import { v7 as uuidv7 } from 'uuid';
import {
  culturalUnitKindLabels,
  culturalUnitKinds,
  type CulturalUnit,
  type CulturalUnitKind,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useSaveCulturalUnit } from './mutations';

interface Values {
  kind: CulturalUnitKind;
  name: string;
  achieved: 'yes' | 'no';
  note?: string;
}

/**
 * Records a cultural hamlet or agency title of the commune for the year, or
 * corrects one (saved again under its id, so the commune's count stays one
 * row per hamlet or agency).
 */
export function CulturalUnitDialog({
  unitId,
  year,
  existing,
  onClose,
}: {
  unitId: number;
  year: number;
  existing: CulturalUnit | null;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCulturalUnit();
  return (
    <Modal
      open
      title={existing ? t('targets.editCultural') : t('targets.newCultural')}
      okText={t('targets.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'cultural-save' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          existing
            ? {
                kind: existing.kind,
                name: existing.name,
                achieved: existing.achieved ? 'yes' : 'no',
                note: existing.note ?? '',
              }
            : { kind: 'hamlet' }
        }
        onFinish={(v) =>
          save.mutate(
            {
              id: existing?.id ?? uuidv7(),
              unitId: existing?.unitId ?? unitId,
              year: existing?.year ?? year,
              kind: v.kind,
              name: v.name.trim(),
              achieved: v.achieved === 'yes',
              note: v.note?.trim() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('targets.culturalSaved'));
                onClose();
              },
              onError: (error) => void message.error(errorToMessage(error, language)),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('targets.culturalKind')}>
          <Radio.Group
            options={culturalUnitKinds.map((k) => ({ value: k, label: label(culturalUnitKindLabels[k]) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('targets.culturalName')}
          rules={[{ required: true, whitespace: true, message: t('targets.culturalNameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('targets.culturalNameHint')} data-testid="cultural-name" />
        </Form.Item>
        <Form.Item
          name="achieved"
          label={t('targets.culturalResult', { year: existing?.year ?? year })}
          rules={[{ required: true, message: t('targets.culturalResultRequired') }]}
        >
          <Radio.Group
            options={[
              { value: 'yes', label: t('targets.achieved') },
              { value: 'no', label: t('targets.notAchieved') },
            ]}
            data-testid="cultural-achieved"
          />
        </Form.Item>
        <Form.Item name="note" label={t('targets.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
