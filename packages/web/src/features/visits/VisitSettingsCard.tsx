import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Select, Tag } from 'antd';
import {
  cadenceMonthOptions,
  can,
  careCategories,
  careCategoryLabels,
  type VisitCadence,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUpdateVisitSettings } from './mutations';
import { useVisitSettings } from './queries';

/** How often each kind of household must be visited in the commune; commune accounts change it. */
export function VisitSettingsCard({ unitId }: { unitId: number }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const settings = useVisitSettings(unitId);
  const update = useUpdateVisitSettings(unitId);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<VisitCadence>();
  // Units above a commune have no cadence of their own.
  if (settings.isError || !settings.data) return null;
  const s = settings.data;
  const mayEdit = can(user.role, 'visit.settings') && user.role !== 'cell_secretary';
  const every = (months: number) =>
    months === 1
      ? t('visits.everyMonth')
      : months === 12
        ? t('visits.everyYear')
        : t('visits.everyMonths', { months });

  return (
    <Card
      size="small"
      className="section"
      title={t('visits.settingsTitle', { unit: s.unitName })}
      data-testid="visit-settings"
      extra={
        mayEdit && !editing ? (
          <Button size="small" onClick={() => setEditing(true)} data-testid="visit-settings-edit">
            {t('petitions.change')}
          </Button>
        ) : (
          <Tag>{s.custom ? t('visits.settingsCustom') : t('visits.settingsDefault')}</Tag>
        )
      }
    >
      {editing ? (
        <Form<VisitCadence>
          form={form}
          layout="vertical"
          initialValues={s.cadence}
          disabled={update.isPending}
          onFinish={(cadence) =>
            update.mutate(
              { cadence },
              {
                onSuccess: () => {
                  void message.success(t('visits.settingsSaved'));
                  setEditing(false);
                },
              },
            )
          }
        >
          {update.error ? (
            <Alert type="error" showIcon className="section" title={errorToMessage(update.error, language)} />
          ) : null}
          {careCategories.map((category) => (
            <Form.Item key={category} name={category} label={label(careCategoryLabels[category])}>
              <Select
                options={cadenceMonthOptions.map((months) => ({ value: months, label: every(months) }))}
                data-testid={`cadence-${category}`}
              />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('visits.settingsSave')}
          </Button>{' '}
          <Button onClick={() => setEditing(false)}>{t('app.cancel')}</Button>
        </Form>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={careCategories.map((category) => ({
            key: category,
            label: label(careCategoryLabels[category]),
            children: every(s.cadence[category]),
          }))}
        />
      )}
    </Card>
  );
}
