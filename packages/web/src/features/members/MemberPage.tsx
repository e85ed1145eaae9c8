import { Alert, Card, Descriptions, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import { can, dayAfter, sexLabels } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { AssignmentHistory } from '../assignments/AssignmentHistory';
import { useCurrentUser } from '../auth/current-user';
import { HouseholdTable } from '../households/HouseholdTable';
import { useHouseholdList } from '../households/queries';
import { MemberActions } from './MemberActions';
import { MemberHistory } from './MemberHistory';
import { ExemptTag, MemberRoleTag, MemberStatusTag } from './MemberTags';
import { useMember, type MemberCellHistory } from './queries';

function CellHistory({ cells, linkUnits }: { cells: MemberCellHistory[]; linkUnits: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('members.cellHistory')} className="section">
      <Timeline
        items={cells.map((c) => ({
          key: `${c.cellId}-${c.startDate}`,
          color: c.endDate === null ? 'red' : 'gray',
          content: (
            <>
              <div className="muted history-period">
                {formatDate(c.startDate)} – {c.endDate ? formatDate(c.endDate) : t('assign.ongoing')}
              </div>
              {linkUnits ? <Link to={`/units/${c.cellId}`}>{c.cellName}</Link> : c.cellName}
            </>
          ),
        }))}
      />
    </Card>
  );
}

function FollowedHouseholds({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const list = useHouseholdList({ memberId });
  const households = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card size="small" title={t('members.households')} className="section">
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <HouseholdTable
            households={households}
            loading={list.isPending}
            empty={t('members.noHouseholds')}
            showMember={false}
            showCell={false}
          />
          <LoadMore
            shown={households.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}

export default function MemberPage() {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const id = useParams().id ?? '';
  const member = useMember(id);

  if (member.isPending) return <LoadingState />;
  if (member.isError) return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  const m = member.data;
  const isMemberAccount = user.role === 'member';
  const mayChange = can(user.role, 'member.lifecycle');

  return (
    <>
      <PageTitle
        title={<span data-testid="member-name">{m.fullName}</span>}
        sub={
          <>
            <MemberStatusTag status={m.status} />
            <MemberRoleTag role={m.role} />
            <ExemptTag exempt={m.exempt} />
          </>
        }
      />
      {mayChange && m.activeTo === null ? <MemberActions member={m} /> : null}
      {m.activeTo !== null ? (
        <Alert
          type="info"
          showIcon
          className="section"
          title={t('memberLifecycle.ended', { date: formatDate(dayAfter(m.activeTo)) })}
          description={m.movedToId ? t('memberLifecycle.movedTo') : undefined}
        />
      ) : null}
      {m.movedFromId ? (
        <Alert type="info" className="section" title={t('memberLifecycle.movedFrom')} />
      ) : null}
      <Card size="small" className="section">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: t('members.code'), children: m.code },
            {
              key: 'cell',
              label: t('members.cell'),
              children: isMemberAccount ? m.cellName : <Link to={`/units/${m.cellId}`}>{m.cellName}</Link>,
            },
            {
              key: 'households',
              label: t('members.householdCount'),
              children: formatNumber(m.householdCount),
            },
            { key: 'birthYear', label: t('members.birthYear'), children: m.birthYear ?? '' },
            { key: 'sex', label: t('members.sex'), children: m.sex ? label(sexLabels[m.sex]) : '' },
            {
              key: 'phone',
              label: t('members.phone'),
              children: m.phone ? <a href={`tel:${m.phone.replace(/\s/g, '')}`}>{m.phone}</a> : '',
            },
            { key: 'activeFrom', label: t('members.activeFrom'), children: formatDate(m.activeFrom) },
          ]}
        />
      </Card>
      <FollowedHouseholds memberId={m.id} />
      <CellHistory cells={m.cells} linkUnits={!isMemberAccount} />
      <MemberHistory member={m} canEdit={mayChange && m.activeTo === null} />
      <AssignmentHistory
        filter={{ memberId: m.id }}
        title={t('members.assignmentHistory')}
        linkMembers={false}
      />
    </>
  );
}
