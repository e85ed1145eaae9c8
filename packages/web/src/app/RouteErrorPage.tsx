import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useOnline } from '../components/use-online';
import { useI18n } from '../i18n/i18n-context';

/**
 * Whatever fails while opening a page (most often: its code was never loaded and
 * the phone is offline) lands here, in the user's language with a way forward,
 * never on React Router's developer page. The error itself is not shown: it may
 * carry data, and it means nothing to a member.
 */
export function RouteErrorPage() {
  useRouteError();
  const online = useOnline();
  const { t } = useI18n();
  return (
    <main>
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('routeError.title')}</h1>}
        subTitle={online ? t('routeError.failed') : t('routeError.offline')}
        data-testid="route-error"
        extra={[
          <Button key="retry" type="primary" onClick={() => window.location.reload()}>
            {t('routeError.retry')}
          </Button>,
          <Button key="home" href="/">
            {t('routeError.home')}
          </Button>,
        ]}
      />
    </main>
  );
}
