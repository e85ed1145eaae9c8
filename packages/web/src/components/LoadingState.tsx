import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { useOnline } from './use-online';

/**
 * A spinner while data comes. Offline, a query with nothing kept on the phone
 * waits for the network instead of failing: the spinner would turn forever, so
 * it says why and that the part loads by itself when the signal returns.
 */
export function LoadingState() {
  const { t } = useI18n();
  const online = useOnline();
  if (!online) {
    return (
      <div className="loading-state" role="status" data-testid="not-on-phone">
        <span>{t('offline.notOnPhone')}</span>
      </div>
    );
  }
  return (
    <div className="loading-state" role="status">
      <Spin />
      <span>{t('app.loading')}</span>
    </div>
  );
}
