import type { Unit } from '@caunoi/domain';
import { unitKindLabels } from '@caunoi/domain';
import { RecordList } from '../../components/RecordList';
import { LoadingState } from '../../components/LoadingState';
import { ErrorState } from '../../components/ErrorState';
import { useI18n } from '../../i18n/i18n-context';
import { useUnitSearch } from './queries';

export function UnitSearchResults({ q }: { q: string }) {
  const { t, label } = useI18n();
  const search = useUnitSearch(q);
  if (search.isPending) return <LoadingState />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  return (
    <RecordList
      empty={t('units.noResults')}
      items={search.data.items.map((unit: Unit) => ({
        key: String(unit.id),
        href: `/units/${unit.id}`,
        title: unit.name,
        extra: <span className="muted">{label(unitKindLabels[unit.kind])}</span>,
        lines: [unit.code],
        testId: 'unit-search-result',
      }))}
    />
  );
}
