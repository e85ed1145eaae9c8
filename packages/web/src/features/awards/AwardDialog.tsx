import { useState } from 'react';
import {
  Alert,
  App,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  type ButtonProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  awardLevelLabels,
  rateableKinds,
  recipientKindLabels,
  todayInVietnam,
  type AwardCandidate,
  type RecipientKind,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { useMemberSearch, useUnitOptions } from '../oversight/queries';
import { useCreateAward } from './mutations';
import { useAwardTitles } from './queries';

interface Values {
  recipientKind: RecipientKind;
  unitId?: number;
  memberId?: string;
  titleId: string;
  issuer: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  year: number;
  reason: string;
}

/** Records a commendation; opened from a proposal, it comes filled in and keeps the proposal's basis. */
export function AwardDialog({
  open,
  onClose,
  candidate,
  year,
}: {
  open: boolean;
  onClose: () => void;
  candidate?: AwardCandidate | undefined;
  year: number;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('recipientKind', form) ?? 'collective';
  const [unitText, setUnitText] = useState('');
  const [memberText, setMemberText] = useState('');
  const units = useUnitOptions(useDebounced(unitText.trim(), 250), rateableKinds);
  const members = useMemberSearch(useDebounced(memberText.trim(), 250));
  const titles = useAwardTitles();
  const create = useCreateAward();
  const close = () => {
    create.reset();
    form.resetFields();
    onClose();
  };
  const unitOptions = [
    ...(candidate ? [{ value: candidate.unitId, label: candidate.unitName }] : []),
    ...(units.data?.items ?? [])
      .filter((u) => u.id !== candidate?.unitId)
      .map((u) => ({ value: u.id, label: u.name })),
  ];
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('awards.required', { field }) },
  ];

  return (
    <Modal
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t(candidate ? 'awards.confirm' : 'awards.new')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'award-submit' } as ButtonProps}
      cancelText={t('app.cancel')}
      title={t(candidate ? 'awards.confirm' : 'awards.new')}
      destroyOnHidden
    >
      {candidate ? <Alert type="info" showIcon className="section" title={candidate.basis} /> : null}
      {create.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(create.error, language)} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={{
          recipientKind: 'collective',
          unitId: candidate?.unitId,
          titleId: candidate?.titleId,
          issuer: candidate?.issuer ?? undefined,
          decisionDate: dayjs(todayInVietnam()),
          year: candidate?.year ?? year,
          reason: candidate?.suggestedReason,
        }}
        onFinish={(v) =>
          create.mutate(
            {
              recipientKind: v.recipientKind,
              ...(v.recipientKind === 'collective' ? { unitId: v.unitId } : { memberId: v.memberId }),
              titleId: v.titleId,
              issuer: v.issuer.trim(),
              decisionNumber: v.decisionNumber.trim(),
              decisionDate: v.decisionDate.format('YYYY-MM-DD'),
              year: v.year,
              reason: v.reason.trim(),
              basis: candidate?.basis ?? null,
            },
            {
              onSuccess: () => {
                void message.success(t('awards.saved'));
                close();
              },
            },
          )
        }
      >
        <Form.Item name="recipientKind" label={t('awards.recipientKind')}>
          <Radio.Group
            optionType="button"
            disabled={candidate !== undefined}
            options={(['collective', 'individual'] as const).map((k) => ({
              value: k,
              label: label(recipientKindLabels[k]),
            }))}
          />
        </Form.Item>
        {kind === 'collective' ? (
          <Form.Item
            name="unitId"
            label={t('awards.unit')}
            rules={[{ required: true, message: t('oversight.required') }]}
          >
            <Select
              disabled={candidate !== undefined}
              showSearch={{ filterOption: false, onSearch: setUnitText }}
              placeholder={t('awards.unitPlaceholder')}
              options={unitOptions}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="memberId"
            label={t('awards.member')}
            rules={[{ required: true, message: t('oversight.required') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setMemberText }}
              placeholder={t('awards.memberPlaceholder')}
              options={(members.data?.items ?? []).map((m) => ({
                value: m.id,
                label: `${m.fullName} · ${m.cellName}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="titleId"
          label={t('awards.titleField')}
          rules={[{ required: true, message: t('oversight.required') }]}
        >
          <Select
            options={(titles.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${x.name} (${label(awardLevelLabels[x.level])})`,
            }))}
            onChange={(id: string) => {
              const title = titles.data?.items.find((x) => x.id === id);
              if (title?.issuer && !form.getFieldValue('issuer')) form.setFieldValue('issuer', title.issuer);
            }}
          />
        </Form.Item>
        <Form.Item name="issuer" label={t('awards.issuer')} rules={required(t('awards.issuer'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="decisionNumber"
          label={t('awards.decisionNumber')}
          rules={required(t('awards.decisionNumber'))}
        >
          <Input maxLength={60} placeholder="123-QĐ/HU" data-testid="award-decision-number" />
        </Form.Item>
        <Form.Item name="decisionDate" label={t('awards.decisionDate')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="year" label={t('awards.awardYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('awards.reason')} rules={required(t('awards.reason'))}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
