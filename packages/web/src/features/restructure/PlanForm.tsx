import { Button, Col, DatePicker, Form, Input, Row, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { OperationFields } from './OperationFields';
import { plannedUnits, type OpDraft, type PlanDraft } from './plan-draft';

export interface PlanFormValues {
  title?: string;
  effectiveDate?: Dayjs;
  decisionNumber?: string;
  decisionDate?: Dayjs;
  decisionIssuer?: string;
  operations?: OpDraft[];
}

export function draftFromForm(v: PlanFormValues): PlanDraft {
  return {
    ...v,
    effectiveDate: v.effectiveDate?.format('YYYY-MM-DD'),
    decisionDate: v.decisionDate?.format('YYYY-MM-DD'),
  };
}

/** The plan's decision and date, then its operations one card each. */
export function PlanForm({ form, onChange }: { form: FormInstance<PlanFormValues>; onChange: () => void }) {
  const { t } = useI18n();
  const operations = Form.useWatch('operations', form);
  const planned = plannedUnits({ operations });
  const required = [{ required: true, message: t('restructure.required') }];
  const half = { xs: 24, md: 12 };
  const today = todayInVietnam();
  // The server applies a plan on its effective date or later, never ahead of it.
  const notFuture = (d: Dayjs) => d.isAfter(dayjs(today), 'day');

  return (
    <Form<PlanFormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onValuesChange={onChange}
      initialValues={{ effectiveDate: dayjs(today), operations: [{ op: 'merge', target: 'existing' }] }}
    >
      <Form.Item name="title" label={t('restructure.planTitle')} rules={required}>
        <Input placeholder={t('restructure.planTitlePlaceholder')} data-testid="plan-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="effectiveDate" label={t('restructure.effectiveDate')} rules={required}>
            <DatePicker
              format="DD/MM/YYYY"
              disabledDate={notFuture}
              style={{ width: '100%' }}
              data-testid="plan-effective-date"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="decisionNumber" label={t('restructure.decisionNumber')} rules={required}>
            <Input data-testid="plan-decision-number" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="decisionDate" label={t('restructure.decisionDate')} rules={required}>
            <DatePicker
              format="DD/MM/YYYY"
              disabledDate={notFuture}
              style={{ width: '100%' }}
              data-testid="plan-decision-date"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="decisionIssuer" label={t('restructure.decisionIssuer')} rules={required}>
            <Input
              placeholder={t('restructure.decisionIssuerPlaceholder')}
              data-testid="plan-decision-issuer"
            />
          </Form.Item>
        </Col>
      </Row>
      <h4>{t('restructure.operations')}</h4>
      <Form.List name="operations">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, index) => (
              <OperationFields
                key={f.key}
                form={form}
                name={f.name}
                index={index}
                planned={planned}
                onRemove={() => {
                  remove(f.name);
                  onChange();
                }}
              />
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                add({ op: 'merge', target: 'existing' });
                onChange();
              }}
              data-testid="plan-add-operation"
            >
              {t('restructure.addOperation')}
            </Button>
          </>
        )}
      </Form.List>
    </Form>
  );
}
