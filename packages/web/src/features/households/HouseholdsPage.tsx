import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { can } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUnit } from '../units/queries';
import { HouseholdFilterBar } from './HouseholdFilterBar';
import { HouseholdTable } from './HouseholdTable';
import { useHouseholdList } from './queries';
import { useHouseholdFilters } from './use-household-filters';

/** All households in scope, or for a member account "Hộ tôi phụ trách" (the server limits it). */
export default function HouseholdsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const isMember = user.role === 'member';
  const { filters, text, setText, update } = useHouseholdFilters();
  const unit = useUnit(filters.unitId);
  // A member sees the neediest of their households first.
  const list = useHouseholdList(isMember ? { ...filters, sort: 'need' } : filters);
  const households = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle
        title={isMember ? t('households.mine') : t('households.title')}
        extra={
          !isMember && can(user.role, 'household.write') ? (
            <Link to="/households/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="household-new">
                {t('book.new')}
              </Button>
            </Link>
          ) : null
        }
        sub={
          unit.data ? (
            <Tag closable onClose={() => update({ unitId: undefined })} data-testid="unit-filter">
              {t('households.filterUnit')}: {unit.data.name}
            </Tag>
          ) : null
        }
      />
      <HouseholdFilterBar
        text={text}
        onText={setText}
        filters={filters}
        onChange={update}
        ownList={isMember}
      />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div data-testid="household-list" data-loading={list.isFetching ? 'true' : 'false'}>
          <HouseholdTable
            households={households}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            empty={isMember && !filters.q ? t('households.emptyMine') : t('households.empty')}
            showMember={!isMember}
            showCell={!isMember}
            shortAddresses={isMember}
          />
          <LoadMore
            shown={households.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}
