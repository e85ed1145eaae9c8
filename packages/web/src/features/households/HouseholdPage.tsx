import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { can } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { AssignmentHistory } from '../assignments/AssignmentHistory';
import { useCurrentUser } from '../auth/current-user';
import { HouseholdPetitions } from '../petitions/HouseholdPetitions';
import { HouseholdVisits } from '../visits/HouseholdVisits';
import { HouseholdHelpPlan } from '../help-plans/HouseholdHelpPlan';
import { PovertySheetCard } from '../poverty/PovertySheetCard';
import { CommitmentsCard } from './CommitmentsCard';
import { CurrentMemberCard } from './CurrentMemberCard';
import { HouseholdGeneralCard } from './HouseholdGeneralCard';
import { HouseholdTags } from './HouseholdTags';
import { HouseholdTimeline } from './HouseholdTimeline';
import { LivingConditionsCard } from './LivingConditionsCard';
import { PeopleCard } from './PeopleCard';
import { useHousehold } from './queries';
import { WorkingAwayCard } from './WorkingAwayCard';
import { YearlyRecordsCard } from './YearlyRecordsCard';

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
  const canEdit = can(user.role, 'household.write');

  return (
    <>
      <PageTitle
        title={<span data-testid="household-head">{h.headName}</span>}
        sub={
          <>
            <span className="muted">{t('book.title')} · </span>
            <span className="muted" data-testid="household-code">
              {h.code}
            </span>
            <HouseholdTags household={h} withYear />
          </>
        }
        extra={
          // A plain link: the browser downloads the file with the session cookie; the server records the export.
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/households/${h.id}/book.xlsx`}
            data-testid="book-export"
          >
            {t('book.export')}
          </Button>
        }
      />
      <CurrentMemberCard household={h} />
      <HouseholdGeneralCard household={h} canEdit={canEdit} linkCell={!isMember} />
      <HouseholdVisits household={h} />
      <HouseholdHelpPlan household={h} />
      <PovertySheetCard householdId={h.id} />
      <HouseholdPetitions household={h} />
      <PeopleCard household={h} canEdit={canEdit} />
      <WorkingAwayCard household={h} canEdit={canEdit} />
      <LivingConditionsCard household={h} canEdit={canEdit} />
      <YearlyRecordsCard household={h} canEdit={canEdit} />
      <CommitmentsCard household={h} canEdit={canEdit} />
      <HouseholdTimeline household={h} />
      <AssignmentHistory filter={{ householdId: h.id }} title={t('households.history')} linkMembers />
    </>
  );
}
