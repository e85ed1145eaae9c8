import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { todayInVietnam } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { PartyUnitPicker } from './PartyUnitPicker';
import { useAssignmentSettings, useCreateProposal } from './coverage-queries';

interface Values {
  unitId: number;
  minPerMember?: number | null;
  maxPerMember?: number | null;
  keepExisting: boolean;
  includeExempt: boolean;
  includeProbationary: boolean;
  effectiveDate: Dayjs;
  reason?: string;
}

const proposalKinds = ['cell', 'base_cell', 'commune_committee'] as const;

/** The parameters of a balanced proposal; submitting computes a preview, nothing changes yet. */
export default function ProposalFormPage() {
  const { t, language } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const unitParam = params.get('unitId');
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch('unitId', form);
  const settings = useAssignmentSettings(unitId ?? 0, Boolean(unitId));
  const create = useCreateProposal();
  const today = todayInVietnam();

  const submit = (v: Values) =>
    create.mutate(
      {
        unitId: v.unitId,
        ...(v.minPerMember === null || v.minPerMember === undefined ? {} : { minPerMember: v.minPerMember }),
        ...(v.maxPerMember === null || v.maxPerMember === undefined ? {} : { maxPerMember: v.maxPerMember }),
        keepExisting: v.keepExisting,
        includeExempt: v.includeExempt,
        includeProbationary: v.includeProbationary,
        effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      },
      { onSuccess: (p) => void navigate(`/assignments/proposals/${p.id}`) },
    );

  return (
    <>
      <PageTitle title={t('proposal.newTitle')} />
      <p className="muted">{t('proposal.intro')}</p>
      <Card size="small" className="section">
        {create.error ? (
          <Alert
            type="error"
            showIcon
            className="section"
            title={errorToMessage(create.error, language)}
            data-testid="proposal-error"
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={create.isPending}
          requiredMark={false}
          initialValues={{
            unitId: unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : user.scopeUnitId,
            keepExisting: true,
            includeExempt: false,
            includeProbationary: false,
            effectiveDate: dayjs(today),
          }}
          style={{ maxWidth: 560 }}
        >
          <Form.Item name="unitId" label={t('proposal.unit')} rules={[{ required: true }]}>
            <PartyUnitPicker
              value={unitId}
              onChange={(id) => form.setFieldValue('unitId', id)}
              selectable={proposalKinds}
              testId="proposal-unit"
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="minPerMember" label={t('proposal.min')}>
              <InputNumber
                min={0}
                max={500}
                placeholder={settings.data ? String(settings.data.minPerMember) : undefined}
                data-testid="proposal-min"
              />
            </Form.Item>
            <Form.Item name="maxPerMember" label={t('proposal.max')}>
              <InputNumber
                min={1}
                max={500}
                placeholder={settings.data ? String(settings.data.maxPerMember) : undefined}
                data-testid="proposal-max"
              />
            </Form.Item>
          </Space>
          <p className="muted" style={{ marginTop: -8 }}>
            {t('proposal.boundsHint')}
          </p>
          <Form.Item name="keepExisting" valuePropName="checked">
            <Checkbox data-testid="proposal-keep">{t('proposal.keepExisting')}</Checkbox>
          </Form.Item>
          <Form.Item name="includeExempt" valuePropName="checked">
            <Checkbox>{t('proposal.includeExempt')}</Checkbox>
          </Form.Item>
          <Form.Item name="includeProbationary" valuePropName="checked">
            <Checkbox>{t('proposal.includeProbationary')}</Checkbox>
          </Form.Item>
          <Form.Item name="effectiveDate" label={t('proposal.effectiveDate')} rules={[{ required: true }]}>
            <DatePicker
              format="DD/MM/YYYY"
              allowClear={false}
              inputReadOnly
              disabledDate={(d) => d.isBefore(dayjs(today), 'day')}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('proposal.reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="proposal-submit">
            {t('proposal.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
