import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { v7 as uuidv7 } from 'uuid';
import type { IndicatorComparison } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useSaveIndicator } from './mutations';

interface Values {
  name: string;
  measure?: string;
  comparison: IndicatorComparison;
  targetValue?: number | null;
  actualValue?: number | null;
  targetText?: string;
  achievedManual?: 'yes' | 'no' | 'unknown';
}

/** Adds a resolution indicator: a number is judged from target and actual, a text target by hand. */
export function IndicatorDialog({
  unitId,
  year,
  onClose,
}: {
  unitId: number;
  year: number;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveIndicator();
  return (
    <Modal
      open
      title={t('targets.newIndicator')}
      okText={t('targets.save')}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ comparison: 'at_least', achievedManual: 'unknown' }}
        onFinish={(v) =>
          save.mutate(
            {
              id: uuidv7(),
              unitId,
              year,
              position: 0,
              name: v.name,
              measure: v.measure?.trim() || null,
              comparison: v.comparison,
              targetValue: v.targetValue ?? null,
              actualValue: v.actualValue ?? null,
              targetText: v.targetText?.trim() || null,
              achievedManual: v.achievedManual === 'unknown' ? null : v.achievedManual === 'yes',
            },
            {
              onSuccess: () => {
                void message.success(t('targets.saved'));
                onClose();
              },
              onError: (error) => void message.error(errorToMessage(error, language)),
            },
          )
        }
      >
        <Form.Item name="name" label={t('targets.indicator')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="measure" label={t('targets.measure')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="comparison" label={t('targets.comparison')}>
          <Select
            options={[
              { value: 'at_least', label: t('targets.atLeast') },
              { value: 'at_most', label: t('targets.atMost') },
            ]}
          />
        </Form.Item>
        <Form.Item name="targetValue" label={t('targets.target')}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="actualValue" label={t('targets.actual')}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targetText" label={t('targets.targetText')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="achievedManual" label={t('targets.achievedManual')}>
          <Select
            options={[
              { value: 'unknown', label: t('targets.unknown') },
              { value: 'yes', label: t('targets.achieved') },
              { value: 'no', label: t('targets.notAchieved') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
