import { Card, Empty, Timeline } from 'antd';
import { Link } from 'react-router';
import type { Assignment } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { LoadingState } from '../../components/LoadingState';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useAssignmentHistory, type AssignmentFilter } from './queries';

/**
 * Who followed a household when, or which households a member followed: the
 * history is never erased, assignments are ended.
 */
export function AssignmentHistory({
  filter,
  title,
  linkMembers,
}: {
  filter: AssignmentFilter;
  title: string;
  linkMembers: boolean;
}) {
  const { t } = useI18n();
  const history = useAssignmentHistory(filter);
  const showHousehold = 'memberId' in filter;
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];

  const subject = (a: Assignment) =>
    showHousehold ? (
      <Link to={`/households/${a.householdId}`}>
        {a.householdHeadName} <span className="muted">({a.householdCode})</span>
      </Link>
    ) : linkMembers ? (
      <Link to={`/members/${a.memberId}`}>{a.memberName}</Link>
    ) : (
      <span>{a.memberName}</span>
    );

  return (
    <Card size="small" title={title} className="section" data-testid="assignment-history">
      {history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : items.length === 0 ? (
        <Empty description={t('assign.none')} />
      ) : (
        <>
          <Timeline
            items={items.map((a) => ({
              key: a.id,
              color: a.endDate === null ? 'red' : 'gray',
              content: (
                <div data-testid="assignment-history-item">
                  <div className="muted history-period">
                    {formatDate(a.startDate)} – {a.endDate ? formatDate(a.endDate) : t('assign.ongoing')}
                  </div>
                  <div>{subject(a)}</div>
                  {a.reason ? (
                    <div className="muted">
                      {t('assign.reasonLabel')}: {a.reason}
                    </div>
                  ) : null}
                  {a.endReason ? (
                    <div className="muted">
                      {t('assign.endReasonLabel')}: {a.endReason}
                    </div>
                  ) : null}
                </div>
              ),
            }))}
          />
          <LoadMore
            showCount={false}
            shown={items.length}
            hasMore={Boolean(history.hasNextPage)}
            loading={history.isFetchingNextPage}
            onMore={() => void history.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
