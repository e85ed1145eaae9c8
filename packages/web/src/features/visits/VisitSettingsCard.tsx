import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Select, Tag } from 'antd';
import {
  cadenceMonthOptions,
  can,
  careCategories,
  careCategoryLabels,
  visitKindLabels,
  visitKinds,
  type VisitCadence,
  type VisitKind,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUpdateVisitSettings } from './mutations';
import { useVisitSettings } from './queries';

type Values = VisitCadence & { poorVisitKinds: VisitKind[] };

/**
 * How often each kind of household must be visited in the commune, and which
 * contacts count as the visit to poor and near-poor households; commune accounts change it.
 */
export function VisitSettingsCard({ unitId }: { unitId: number }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const settings = useVisitSettings(unitId);
  const update = useUpdateVisitSettings(unitId);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
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
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ ...s.cadence, poorVisitKinds: s.poorVisitKinds }}
          disabled={update.isPending}
          onFinish={({ poorVisitKinds, ...cadence }) =>
            update.mutate(
              { cadence, poorVisitKinds },
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
          <Form.Item
            name="poorVisitKinds"
            label={t('visits.poorVisitKinds')}
            extra={t('visits.poorVisitKindsHelp')}
          >
            <Checkbox.Group
              data-testid="poor-visit-kinds"
              options={visitKinds.map((kind) => ({
                value: kind,
                label: label(visitKindLabels[kind]),
                // The member goes to the household: a visit at home always counts.
                disabled: kind === 'home_visit',
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('visits.settingsSave')}
          </Button>{' '}
          <Button onClick={() => setEditing(false)}>{t('app.cancel')}</Button>
        </Form>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            ...careCategories.map((category) => ({
              key: category,
              label: label(careCategoryLabels[category]),
              children: every(s.cadence[category]),
            })),
            {
              key: 'poorVisitKinds',
              label: t('visits.poorVisitKinds'),
              children: (
                <span data-testid="poor-visit-kinds-view">
                  {s.poorVisitKinds.map((kind) => label(visitKindLabels[kind])).join(', ')}
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
