import { Alert } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { useOutbox } from '../offline/use-outbox';
import { useOnline } from './use-online';

/**
 * A line across the top of every page while the phone has no network, with
 * how many changes wait to be sent, so a save that did not reach the server is never a mystery.
 */
export function OfflineBanner() {
  const online = useOnline();
  const waiting = useOutbox().filter((w) => w.state === 'waiting').length;
  const { t } = useI18n();
  if (online) return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      role="status"
      message={waiting > 0 ? t('offline.bannerWaiting', { n: waiting }) : t('offline.banner')}
      data-testid="offline-banner"
      style={{ position: 'sticky', top: 0, zIndex: 1000 }}
    />
  );
}
