import { Card, Descriptions } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatInstantDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { AssignmentHistory } from '../assignments/AssignmentHistory';
import { useCurrentUser } from '../auth/current-user';
import { HouseholdPetitions } from '../petitions/HouseholdPetitions';
import { HouseholdVisits } from '../visits/HouseholdVisits';
import { CurrentMemberCard } from './CurrentMemberCard';
import { HouseholdTags } from './HouseholdTags';
import { PeopleTable } from './PeopleTable';
import { useHousehold } from './queries';

export default function HouseholdPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const id = useParams().id ?? '';
  const household = useHousehold(id);

  if (household.isPending) return <LoadingState />;
  if (household.isError) {
    return (
      <ErrorState
        error={household.error}
        onRetry={() => void household.refetch()}
        notFoundText={t('households.notFound')}
      />
    );
  }
  const h = household.data;
  const isMember = user.role === 'member';

  return (
    <>
      <PageTitle
        title={<span data-testid="household-head">{h.headName}</span>}
        sub={
          <>
            <span className="muted" data-testid="household-code">
              {h.code}
            </span>
            <HouseholdTags household={h} withYear />
          </>
        }
      />
      <CurrentMemberCard household={h} />
      <Card size="small" className="section">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'address', label: t('households.address'), children: h.address, span: 'filled' },
            {
              key: 'cell',
              label: t('households.cell'),
              children: isMember ? h.cellName : <Link to={`/units/${h.cellId}`}>{h.cellName}</Link>,
            },
            {
              key: 'people',
              label: t('households.people'),
              children: t('households.peopleCount', { count: h.peopleCount }),
            },
            { key: 'updated', label: t('households.updatedAt'), children: formatInstantDate(h.updatedAt) },
          ]}
        />
      </Card>
      <HouseholdVisits household={h} />
      <HouseholdPetitions household={h} />
      <Card size="small" title={t('households.people')} className="section">
        <PeopleTable people={h.people} />
      </Card>
      <AssignmentHistory filter={{ householdId: h.id }} title={t('households.history')} linkMembers />
    </>
  );
}
