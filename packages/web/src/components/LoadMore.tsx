import { Button } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../format/number';

/** Lists page by offset and never count everything: "Xem thêm" fetches the next page. */
export function LoadMore({
  showCount = true,
  shown,
  hasMore,
  loading,
  onMore,
}: {
  showCount?: boolean;
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useI18n();
  if (shown === 0 || (!showCount && !hasMore)) return null;
  return (
    <div className="load-more">
      <span className="muted">{showCount ? t('app.shown', { count: formatNumber(shown) }) : null}</span>
      {hasMore ? (
        <Button onClick={onMore} loading={loading} data-testid="load-more">
          {t('app.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}
