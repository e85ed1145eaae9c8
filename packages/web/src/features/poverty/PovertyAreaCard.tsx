import { App, Card, Segmented, Tag } from 'antd';
import { areaTypeLabels, areaTypes, can, type AreaType } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUpdatePovertySettings } from './mutations';
import { usePovertySettings } from './queries';

/** Rural or urban picks the income line; the commune's accounts set it (a special zone decides for itself). */
export function PovertyAreaCard({ unitId }: { unitId: number }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const settings = usePovertySettings(unitId);
  const update = useUpdatePovertySettings(unitId);
  if (settings.isError || !settings.data) return null;
  const s = settings.data;
  const mayEdit = can(user.role, 'poverty.settings');
  return (
    <Card
      size="small"
      className="section"
      title={t('poverty.areaTitle', { unit: s.unitName })}
      extra={<Tag>{s.custom ? t('poverty.areaSet') : t('poverty.areaDefault')}</Tag>}
    >
      <Segmented<AreaType>
        value={s.areaType}
        disabled={!mayEdit || update.isPending}
        onChange={(areaType) =>
          update.mutate({ areaType }, { onSuccess: () => void message.success(t('visits.settingsSaved')) })
        }
        options={areaTypes.map((a) => ({ value: a, label: label(areaTypeLabels[a]) }))}
      />
    </Card>
  );
}
