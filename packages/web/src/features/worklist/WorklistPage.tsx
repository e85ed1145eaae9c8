import { useState } from 'react';
import { Empty, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { LogVisitSheet, type VisitTarget } from '../visits/LogVisitSheet';
import { useWorklist } from '../visits/queries';
import { WorklistSection } from './WorklistSection';
import './worklist.css';

/**
 * The member's first page on a phone: households overdue, due this month and
 * visited, each one tap away from logging a visit. A secretary opens a
 * member's list from the visits page (`?memberId=`).
 */
export default function WorklistPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const memberId = params.get('memberId') ?? undefined;
  const hasList = memberId !== undefined || user.memberId !== null;
  const worklist = useWorklist(memberId, hasList);
  const [target, setTarget] = useState<VisitTarget | null>(null);

  if (!hasList) return <Empty description={t('worklist.noMember')} />;
  if (worklist.isPending) return <LoadingState />;
  if (worklist.isError) return <ErrorState error={worklist.error} onRetry={() => void worklist.refetch()} />;
  const list = worklist.data;
  const month = list.asOf.slice(0, 7);
  const dueThisMonth = list.due.filter((i) => i.dueBy.startsWith(month));
  const dueLater = list.due.filter((i) => !i.dueBy.startsWith(month));
  const total = list.overdue.length + list.due.length + list.visited.length;
  const own = memberId === undefined || memberId === user.memberId;

  return (
    <div data-testid="worklist-page">
      <PageTitle
        title={own ? t('worklist.title') : t('worklist.memberTitle', { name: list.memberName })}
        sub={<span className="muted">{t('worklist.subtitle', { date: formatDate(list.asOf) })}</span>}
      />
      <div className="worklist-counts">
        <Tag color="red" data-testid="worklist-count-overdue">
          {t('worklist.overdue')}: {list.overdue.length}
        </Tag>
        <Tag color="orange" data-testid="worklist-count-due">
          {t('worklist.dueThisMonth')}: {dueThisMonth.length}
        </Tag>
        <Tag color="green" data-testid="worklist-count-visited">
          {t('worklist.visited')}: {list.visited.length}
        </Tag>
      </div>
      {total === 0 ? (
        <Empty description={t('worklist.noHouseholds')} />
      ) : (
        <>
          <WorklistSection
            testId="worklist-overdue"
            title={t('worklist.overdue')}
            items={list.overdue}
            empty={t('worklist.emptyOverdue')}
            onLog={setTarget}
          />
          <WorklistSection
            testId="worklist-due"
            title={t('worklist.dueThisMonth')}
            items={dueThisMonth}
            empty={t('worklist.emptyDue')}
            onLog={setTarget}
          />
          {dueLater.length > 0 ? (
            <WorklistSection
              testId="worklist-due-later"
              title={t('worklist.dueLater')}
              items={dueLater}
              onLog={setTarget}
            />
          ) : null}
          <WorklistSection
            testId="worklist-visited"
            title={t('worklist.visited')}
            items={list.visited}
            empty={t('worklist.emptyVisited')}
            onLog={setTarget}
          />
        </>
      )}
      <LogVisitSheet
        household={target}
        memberId={own ? undefined : list.memberId}
        onClose={() => setTarget(null)}
      />
    </div>
  );
}
