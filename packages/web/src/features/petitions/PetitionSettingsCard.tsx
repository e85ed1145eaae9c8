import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space } from 'antd';
import {
  can,
  petitionStepLabels,
  petitionSteps,
  type DeadlineRule,
  type PetitionStep,
  type UpdatePetitionSettingsInput,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUpdatePetitionSettings } from './mutations';
import { usePetitionSettings } from './queries';

type Values = Record<PetitionStep, DeadlineRule>;

/** The commune's due dates per step; the commune leadership and committee staff change them. */
export function PetitionSettingsCard({ unitId }: { unitId: number }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const settings = usePetitionSettings(unitId);
  const update = useUpdatePetitionSettings(unitId);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const mayEdit = can(user.role, 'petition.settings');
  // Units above a commune have no settings of their own.
  if (settings.isError || !settings.data) return null;
  const s = settings.data;
  const text = (rule: DeadlineRule) =>
    t(rule.unit === 'working' ? 'petitions.workingDays' : 'petitions.calendarDays', { count: rule.days });

  return (
    <Card
      size="small"
      className="section"
      title={`${t('petitions.deadlines')} · ${s.unitName}`}
      data-testid="petition-settings"
      extra={
        mayEdit && !editing ? (
          <Button size="small" onClick={() => setEditing(true)} data-testid="settings-edit">
            {t('petitions.change')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={s}
          disabled={update.isPending}
          onFinish={(values) =>
            update.mutate(values as UpdatePetitionSettingsInput, {
              onSuccess: () => {
                void message.success(t('petitions.settingsSaved'));
                setEditing(false);
              },
            })
          }
        >
          {update.error ? (
            <Alert type="error" showIcon className="section" title={errorToMessage(update.error, language)} />
          ) : null}
          {petitionSteps.map((step) => (
            <Form.Item key={step} label={label(petitionStepLabels[step])}>
              <Space.Compact>
                <Form.Item name={[step, 'days']} noStyle rules={[{ required: true }]}>
                  <InputNumber min={1} max={90} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[step, 'unit']} noStyle>
                  <Select
                    style={{ width: 160 }}
                    options={[
                      { value: 'calendar', label: t('petitions.calendarUnit') },
                      { value: 'working', label: t('petitions.workingUnit') },
                    ]}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          ))}
          <Space>
            <Button onClick={() => setEditing(false)}>{t('app.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('petitions.save')}
            </Button>
          </Space>
        </Form>
      ) : (
        <ul className="plain-list">
          {petitionSteps.map((step) => (
            <li key={step}>
              {label(petitionStepLabels[step])}: <strong>{text(s[step])}</strong>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
