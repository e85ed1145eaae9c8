import { Button, Segmented, Tag } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUnit } from '../units/queries';
import { PetitionFilterBar } from './PetitionFilterBar';
import { PetitionList } from './PetitionList';
import { usePetitionList } from './queries';
import { usePetitionFilters } from './use-petition-filters';

/** The petitions of a unit (default: the account's scope), or "waiting on me". */
export default function PetitionsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { filters, update } = usePetitionFilters();
  const unit = useUnit(filters.unitId);
  const list = usePetitionList(filters);
  const petitions = list.data?.pages.flatMap((p) => p.items) ?? [];
  const isMember = user.role === 'member';

  return (
    <>
      <PageTitle
        title={t('petitions.title')}
        sub={
          unit.data ? (
            <Tag closable onClose={() => update({ unitId: undefined })} data-testid="unit-filter">
              {t('households.filterUnit')}: {unit.data.name}
            </Tag>
          ) : null
        }
        extra={
          isMember ? null : (
            <Link to={`/petitions/figures${filters.unitId ? `?unitId=${filters.unitId}` : ''}`}>
              <Button icon={<BarChartOutlined />} data-testid="petition-figures-link">
                {t('petitions.figures')}
              </Button>
            </Link>
          )
        }
      />
      <Segmented<'all' | 'me'>
        className="section"
        value={filters.waiting === 'me' ? 'me' : 'all'}
        onChange={(value) => update({ waiting: value === 'me' ? 'me' : undefined })}
        options={[
          { value: 'all', label: isMember ? t('petitions.mine') : t('petitions.all') },
          { value: 'me', label: t('bell.waiting') },
        ]}
        data-testid="petition-scope"
      />
      <PetitionFilterBar filters={filters} onChange={update} />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div data-testid="petition-list" data-loading={list.isFetching ? 'true' : 'false'}>
          <PetitionList
            petitions={petitions}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            empty={t('petitions.empty')}
          />
          <LoadMore
            shown={petitions.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}
