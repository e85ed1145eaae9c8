import { useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Space, Tag } from 'antd';
import { can } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useMonthlyReportSettings, useUpdateMonthlyReportSettings } from './queries';

/** From which day of a month the commune's reports may be sent; the commune's accounts change it. */
export function SendWindowCard({ unitId }: { unitId: number }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const settings = useMonthlyReportSettings(unitId);
  const update = useUpdateMonthlyReportSettings(unitId);
  const [day, setDay] = useState<number | null>(null);
  // Units above a commune have no setting of their own.
  if (settings.isError || !settings.data) return null;
  const s = settings.data;
  const mayEdit = can(user.role, 'monthly_report.settings');
  const value = day ?? s.sendFromDay;
  return (
    <Card
      size="small"
      className="section"
      title={t('monthly.sendWindowTitle', { unit: s.unitName })}
      data-testid="send-window"
      extra={<Tag>{s.custom ? t('visits.settingsCustom') : t('visits.settingsDefault')}</Tag>}
    >
      <p>{t('monthly.sendWindowText', { day: s.sendFromDay })}</p>
      {update.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(update.error, language)} />
      ) : null}
      {mayEdit ? (
        <Space wrap>
          <label htmlFor="send-from-day">{t('monthly.sendFromDay')}</label>
          <InputNumber
            id="send-from-day"
            min={1}
            max={28}
            precision={0}
            value={value}
            onChange={(v) => setDay(v)}
            data-testid="send-from-day"
          />
          <Button
            type="primary"
            disabled={value === s.sendFromDay}
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { sendFromDay: value },
                {
                  onSuccess: () => {
                    void message.success(t('monthly.sendWindowSaved'));
                    setDay(null);
                  },
                },
              )
            }
          >
            {t('visits.settingsSave')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
