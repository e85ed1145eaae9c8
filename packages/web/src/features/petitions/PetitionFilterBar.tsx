import { Button, Select } from 'antd';
import {
  petitionCategories,
  petitionCategoryLabels,
  petitionStateLabels,
  petitionStates,
  type PetitionCategory,
  type PetitionState,
} from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import type { PetitionFilters } from './queries';

type Age = 'week' | 'month' | 'older';

const ages: Record<Age, { minAgeDays?: number; maxAgeDays?: number }> = {
  week: { maxAgeDays: 7 },
  month: { maxAgeDays: 30 },
  older: { minAgeDays: 31 },
};

function ageOf(filters: PetitionFilters): Age | undefined {
  if (filters.maxAgeDays === 7) return 'week';
  if (filters.maxAgeDays === 30) return 'month';
  if (filters.minAgeDays === 31) return 'older';
  return undefined;
}

export function PetitionFilterBar({
  filters,
  onChange,
}: {
  filters: PetitionFilters;
  onChange(patch: Record<string, string | number | undefined>): void;
}) {
  const { t, label } = useI18n();
  const any =
    filters.state ||
    filters.category ||
    filters.overdue ||
    filters.minAgeDays ||
    filters.maxAgeDays ||
    filters.waiting;
  return (
    <div className="filters" role="search">
      <Select<PetitionState>
        allowClear
        placeholder={t('petitions.filterState')}
        aria-label={t('petitions.filterState')}
        value={filters.state}
        onChange={(value) => onChange({ state: value })}
        options={petitionStates.map((s) => ({ value: s, label: label(petitionStateLabels[s]) }))}
        data-testid="filter-state"
        popupMatchSelectWidth={false}
      />
      <Select<PetitionCategory>
        allowClear
        placeholder={t('petitions.filterCategory')}
        aria-label={t('petitions.filterCategory')}
        value={filters.category}
        onChange={(value) => onChange({ category: value })}
        options={petitionCategories.map((c) => ({ value: c, label: label(petitionCategoryLabels[c]) }))}
        data-testid="filter-category"
        popupMatchSelectWidth={false}
      />
      <Select<'true' | 'false'>
        allowClear
        placeholder={t('petitions.filterOverdue')}
        aria-label={t('petitions.filterOverdue')}
        value={filters.overdue}
        onChange={(value) => onChange({ overdue: value })}
        options={[
          { value: 'true', label: t('petitions.overdue') },
          { value: 'false', label: t('petitions.onTime') },
        ]}
        data-testid="filter-overdue"
        popupMatchSelectWidth={false}
      />
      <Select<Age>
        allowClear
        placeholder={t('petitions.filterAge')}
        aria-label={t('petitions.filterAge')}
        value={ageOf(filters)}
        onChange={(value) =>
          onChange({ minAgeDays: undefined, maxAgeDays: undefined, ...(value ? ages[value] : {}) })
        }
        options={[
          { value: 'week', label: t('petitions.ageWeek') },
          { value: 'month', label: t('petitions.ageMonth') },
          { value: 'older', label: t('petitions.ageOlder') },
        ]}
        data-testid="filter-age"
        popupMatchSelectWidth={false}
      />
      {any ? (
        <Button
          type="link"
          onClick={() =>
            onChange({
              state: undefined,
              category: undefined,
              overdue: undefined,
              minAgeDays: undefined,
              maxAgeDays: undefined,
              waiting: undefined,
            })
          }
        >
          {t('households.clearFilters')}
        </Button>
      ) : null}
    </div>
  );
}
