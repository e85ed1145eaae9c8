import { useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { can, type Household } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { useI18n } from '../../i18n/i18n-context';
import { useQueuedFor } from '../../offline/use-outbox';
import { useCurrentUser } from '../auth/current-user';
import { NewPetitionDialog } from './NewPetitionDialog';
import { PetitionList } from './PetitionList';
import { usePetitionList } from './queries';
import { QueuedStateTag } from '../../offline/QueuedStateTag';

/** On a household's page: its petitions, and the button with which the member takes a new one. */
export function HouseholdPetitions({ household }: { household: Household }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const list = usePetitionList({ householdId: household.id }, 20);
  const petitions = list.data?.pages.flatMap((p) => p.items) ?? [];
  // A petition taken down offline shows at once, marked, until the server has it.
  const queued = useQueuedFor(household.id, 'petition');

  return (
    <Card
      size="small"
      className="section"
      title={t('petitions.ofHousehold')}
      data-testid="household-petitions"
    >
      {can(user.role, 'petition.write') ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          className="section"
          data-testid="new-petition-button"
        >
          {t('petitions.new')}
        </Button>
      ) : null}
      {queued.map((w) => (
        <div key={w.id} className="queued-write" data-testid="queued-petition">
          <QueuedStateTag state={w.state} />
          <strong>{String(w.body.title)}</strong>
        </div>
      ))}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <PetitionList
            petitions={petitions}
            loading={list.isPending}
            empty={t('petitions.noneForHousehold')}
            compact
          />
          <LoadMore
            showCount={false}
            shown={petitions.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      <NewPetitionDialog household={household} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
