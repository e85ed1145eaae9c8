import { Alert, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { can } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useQueuedFor } from '../../offline/use-outbox';
import { AssignmentHistory } from '../assignments/AssignmentHistory';
import { useCurrentUser } from '../auth/current-user';
import { HouseholdPetitions } from '../petitions/HouseholdPetitions';
import { HouseholdCompliance } from '../visits/HouseholdCompliance';
import { HouseholdVisits } from '../visits/HouseholdVisits';
import { HouseholdHelpPlan } from '../help-plans/HouseholdHelpPlan';
import { PovertySheetCard } from '../poverty/PovertySheetCard';
import { HouseholdPrivacyCard } from '../privacy/HouseholdPrivacyCard';
import { BookSectionBar } from './BookSectionBar';
import { CommitmentsCard } from './CommitmentsCard';
import { CurrentMemberCard } from './CurrentMemberCard';
import { HouseholdGeneralCard } from './HouseholdGeneralCard';
import { HouseholdLifecycleCard } from './HouseholdLifecycleCard';
import { HouseholdQuickActions } from './HouseholdQuickActions';
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
  const queued = useQueuedFor(id);

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
      {queued.length > 0 ? (
        <Alert
          type="info"
          showIcon
          className="section"
          data-testid="household-queued"
          message={t('offline.householdWaiting', { n: queued.length })}
        />
      ) : null}
      <HouseholdQuickActions household={h} />
      <BookSectionBar />
      <section id="book-section-general" className="book-section" aria-label={t('book.sectionGeneral')}>
        <CurrentMemberCard household={h} />
        {/* Where a household lives is decided by its cell or above, as when it is recorded. */}
        <HouseholdLifecycleCard household={h} canEdit={canEdit && !isMember} />
        <HouseholdGeneralCard household={h} canEdit={canEdit} linkCell={!isMember} />
      </section>
      <section id="book-section-work" className="book-section" aria-label={t('book.sectionWork')}>
        <HouseholdVisits household={h} />
        <HouseholdCompliance householdId={h.id} />
        <HouseholdHelpPlan household={h} />
        <PovertySheetCard householdId={h.id} />
        <HouseholdPetitions household={h} />
      </section>
      <section id="book-section-people" className="book-section" aria-label={t('book.sectionPeople')}>
        <PeopleCard household={h} canEdit={canEdit} />
        <WorkingAwayCard household={h} canEdit={canEdit} />
      </section>
      <section id="book-section-living" className="book-section" aria-label={t('book.sectionLiving')}>
        <LivingConditionsCard household={h} canEdit={canEdit} />
        <YearlyRecordsCard household={h} canEdit={canEdit} />
        <CommitmentsCard household={h} canEdit={canEdit} />
      </section>
      <section id="book-section-history" className="book-section" aria-label={t('book.sectionHistory')}>
        <HouseholdTimeline household={h} />
        <HouseholdPrivacyCard household={h} />
        <AssignmentHistory filter={{ householdId: h.id }} title={t('households.history')} linkMembers />
      </section>
    </>
  );
}
