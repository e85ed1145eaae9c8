import { Button, Result } from 'antd';
import { errorToMessage } from '../api/error-message';
import { isNotFound } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';

/** A failed load: 404 reads as "not found" (outside scope looks the same), anything else offers a retry. */
export function ErrorState({
  error,
  onRetry,
  notFoundText,
}: {
  error: unknown;
  onRetry?: () => void;
  notFoundText?: string;
}) {
  const { t, language } = useI18n();
  if (isNotFound(error)) {
    return (
      <Result status="404" title={notFoundText ?? errorToMessage(error, language)} data-testid="not-found" />
    );
  }
  return (
    <Result
      status="warning"
      title={errorToMessage(error, language)}
      extra={onRetry ? <Button onClick={onRetry}>{t('app.retry')}</Button> : null}
      data-testid="load-error"
    />
  );
}
