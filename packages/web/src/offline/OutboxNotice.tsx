import { Alert } from 'antd';
import { Link, useLocation } from 'react-router';
import { useOnline } from '../components/use-online';
import { useCurrentUser } from '../features/auth/current-user';
import { useI18n } from '../i18n/i18n-context';
import { useOutbox } from './use-outbox';

/**
 * Online, under the header: the changes still on the phone. Sending ones say
 * so; refused or clashing ones ask the member to look, with the way there.
 * (Offline, the banner above every page says how many wait.)
 */
export function OutboxNotice() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const online = useOnline();
  const onOutbox = useLocation().pathname === '/outbox';
  const writes = useOutbox().filter((w) => w.userId === user.id);
  const review = writes.filter((w) => w.state !== 'waiting').length;
  const waiting = writes.length - review;
  if (onOutbox || writes.length === 0 || (!online && review === 0)) return null;
  return (
    <Alert
      type={review > 0 ? 'error' : 'info'}
      showIcon
      className="section"
      data-testid="outbox-notice"
      message={review > 0 ? t('offline.needsReview', { n: review }) : t('offline.sending', { n: waiting })}
      action={<Link to="/outbox">{t('offline.openOutbox')}</Link>}
    />
  );
}
