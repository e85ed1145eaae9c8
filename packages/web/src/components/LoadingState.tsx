import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n-context';

export function LoadingState() {
  const { t } = useI18n();
  return (
    <div className="loading-state" role="status">
      <Spin />
      <span>{t('app.loading')}</span>
    </div>
  );
}
