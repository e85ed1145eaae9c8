import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
} from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  can,
  hiddenFieldsFor,
  legalBasis,
  legalBasisLabels,
  processingPurpose,
  processingPurposeLabels,
  type Household,
  type LegalBasis,
  type ProcessingPurpose,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useHouseholdPrivacy, useSaveHouseholdPrivacy } from './queries';

interface Values {
  legalBasis: LegalBasis;
  givenBy?: string;
  givenOn?: dayjs.Dayjs;
  purposes?: ProcessingPurpose[];
  withdrawnOn?: dayjs.Dayjs | null;
}

const iso = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The household's legal basis and consent record, editable by the cell and above; the subject's export links. */
export function HouseholdPrivacyCard({ household }: { household: Household }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const privacy = useHouseholdPrivacy(household.id);
  const save = useSaveHouseholdPrivacy(household.id);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const basis = Form.useWatch('legalBasis', form);
  const p = privacy.data;
  const mayEdit = can(user.role, 'privacy.write');
  // The export is whole (sensitive fields included): offered to the roles that see all of them.
  const mayExport = mayEdit && hiddenFieldsFor(user.role).length === 0;

  const submit = (v: Values) => {
    if (!p) return;
    save.mutate(
      {
        version: p.version,
        legalBasis: v.legalBasis,
        consent:
          v.legalBasis === 'consent'
            ? {
                givenBy: v.givenBy ?? '',
                givenOn: iso(v.givenOn) ?? '',
                purposes: v.purposes ?? [],
                withdrawnOn: iso(v.withdrawnOn),
              }
            : null,
      },
      {
        onSuccess: () => {
          void message.success(t('privacy.saved'));
          setEditing(false);
        },
        onError: (error) => void message.error(errorToMessage(error, language)),
      },
    );
  };

  return (
    <Card
      size="small"
      className="section"
      title={t('privacy.card')}
      data-testid="privacy-card"
      extra={
        mayEdit && p && !editing ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              form.setFieldsValue({
                legalBasis: p.legalBasis ?? 'public_task',
                givenBy: p.consent?.givenBy,
                givenOn: p.consent ? dayjs(p.consent.givenOn) : undefined,
                purposes: p.consent?.purposes ?? [],
                withdrawnOn: p.consent?.withdrawnOn ? dayjs(p.consent.withdrawnOn) : null,
              });
              setEditing(true);
            }}
            data-testid="privacy-edit"
          >
            {t('privacy.edit')}
          </Button>
        ) : null
      }
    >
      {(household.hiddenFields?.length ?? 0) > 0 ? (
        <Alert type="info" showIcon message={t('privacy.hiddenFields')} style={{ marginBottom: 8 }} />
      ) : null}
      {p?.anonymisedAt ? (
        <Alert
          type="warning"
          message={t('privacy.anonymised', { date: formatDate(p.anonymisedAt.slice(0, 10)) })}
        />
      ) : null}
      {p && !editing ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('privacy.basis')}>
            {p.legalBasis ? label(legalBasisLabels[p.legalBasis]) : t('privacy.noBasis')}
          </Descriptions.Item>
          {p.consent ? (
            <>
              <Descriptions.Item label={t('privacy.consentBy')}>{p.consent.givenBy}</Descriptions.Item>
              <Descriptions.Item label={t('privacy.consentOn')}>
                {formatDate(p.consent.givenOn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('privacy.purposes')}>
                {p.consent.purposes.map((x) => label(processingPurposeLabels[x])).join('; ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('privacy.withdrawnOn')}>
                {p.consent.withdrawnOn ? formatDate(p.consent.withdrawnOn) : t('privacy.notWithdrawn')}
              </Descriptions.Item>
            </>
          ) : null}
        </Descriptions>
      ) : null}
      {editing ? (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="privacy-form">
          <Form.Item name="legalBasis" label={t('privacy.basis')} rules={[{ required: true }]}>
            <Select
              options={legalBasis.options.map((b) => ({ value: b, label: label(legalBasisLabels[b]) }))}
            />
          </Form.Item>
          {basis === 'consent' ? (
            <>
              <Form.Item
                name="givenBy"
                label={t('privacy.consentBy')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={120} />
              </Form.Item>
              <Form.Item name="givenOn" label={t('privacy.consentOn')} rules={[{ required: true }]}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="purposes"
                label={t('privacy.purposes')}
                rules={[{ required: true, type: 'array', min: 1 }]}
              >
                <Checkbox.Group
                  options={processingPurpose.options.map((x) => ({
                    value: x,
                    label: label(processingPurposeLabels[x]),
                  }))}
                />
              </Form.Item>
              <Form.Item name="withdrawnOn" label={t('privacy.withdrawnOn')}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : null}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="privacy-save">
              {t('privacy.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('book.cancel')}</Button>
          </Space>
        </Form>
      ) : null}
      {mayExport ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Button icon={<DownloadOutlined />} href={`/api/v1/households/${household.id}/subject-export.xlsx`}>
            {t('privacy.exportExcel')}
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/v1/households/${household.id}/subject-export.json`}>
            {t('privacy.exportJson')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
