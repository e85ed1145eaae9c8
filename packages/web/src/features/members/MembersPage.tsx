import { useEffect, useState } from 'react';
import { Tag } from 'antd';
import { SearchInput } from '../../components/SearchInput';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { useUnit } from '../units/queries';
import { MemberTable } from './MemberTable';
import { useMemberList } from './queries';

export default function MembersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : undefined;
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim());
  const unit = useUnit(unitId);

  // The search lives in the address, so Back returns to the same list.
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [q, setParams]);

  const list = useMemberList({ unitId, q: q || undefined });
  const members = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle
        title={t('members.title')}
        sub={
          unit.data ? (
            <Tag
              closable
              onClose={() =>
                setParams((current) => {
                  const next = new URLSearchParams(current);
                  next.delete('unitId');
                  return next;
                })
              }
            >
              {unit.data.name}
            </Tag>
          ) : null
        }
      />
      <div className="filters">
        <SearchInput
          className="filter-search"
          placeholder={t('members.search')}
          value={text}
          onChange={setText}
          testId="member-search"
        />
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <MemberTable
            members={members}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          />
          <LoadMore
            shown={members.length}
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
