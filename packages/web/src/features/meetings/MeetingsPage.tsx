import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { can, defaultAbsenceThreshold, isCellKind } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUnit } from '../units/queries';
import { MeetingFlagsPanel } from './MeetingFlagsPanel';
import { MeetingList } from './MeetingList';
import { useMeetingFlags, useMeetingList } from './queries';
import './meetings.css';

export default function MeetingsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : undefined;
  const unit = useUnit(unitId ?? user.scopeUnitId);
  const [threshold, setThreshold] = useState(defaultAbsenceThreshold);
  const isMember = user.role === 'member';
  const canWrite = can(user.role, 'meeting.write');
  const flags = useMeetingFlags(unitId, threshold, !isMember);
  const list = useMeetingList(unitId);
  const meetings = list.data?.pages.flatMap((p) => p.items) ?? [];
  const cell = unit.data && isCellKind(unit.data.kind) ? unit.data : undefined;

  return (
    <>
      <PageTitle
        title={t('meetings.title')}
        sub={unit.data ? <span className="muted">{unit.data.name}</span> : null}
        extra={
          canWrite && cell ? (
            <Link to={`/meetings/new?cellId=${cell.id}`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="meeting-new">
                {t('meetings.new')}
              </Button>
            </Link>
          ) : null
        }
      />
      {flags.data ? (
        <MeetingFlagsPanel
          flags={flags.data}
          threshold={threshold}
          onThreshold={setThreshold}
          canRecord={canWrite}
        />
      ) : null}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div data-testid="meeting-list" data-loading={String(list.isPending || list.isFetching)}>
          <MeetingList meetings={meetings} loading={list.isPending} showCell={!cell} />
          <LoadMore
            shown={meetings.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}
