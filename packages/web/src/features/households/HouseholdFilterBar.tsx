import { Button, Select } from 'antd';
import { SearchInput } from '../../components/SearchInput';
import { povertyStatuses } from './poverty-statuses';
import { careCategoryLabels, povertyStatusLabels, type PovertyStatus } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import type { HouseholdFilters } from './queries';

type Flag = 'true' | 'false';

interface Props {
  text: string;
  onText(text: string): void;
  filters: HouseholdFilters;
  onChange(patch: Partial<HouseholdFilters>): void;
  /** A member's own list: every household is theirs, so no "assigned" filter. */
  ownList?: boolean;
}

export function HouseholdFilterBar({ text, onText, filters, onChange, ownList = false }: Props) {
  const { t, label } = useI18n();
  const any = filters.povertyStatus || filters.needsHelp || filters.assigned || text;
  return (
    <div className="filters" role="search">
      <SearchInput
        className="filter-search"
        placeholder={t('households.search')}
        value={text}
        onChange={onText}
        testId="household-search"
      />
      <Select<PovertyStatus>
        allowClear
        placeholder={t('households.filterStatus')}
        aria-label={t('households.filterStatus')}
        value={filters.povertyStatus}
        onChange={(value) => onChange({ povertyStatus: value })}
        options={povertyStatuses.map((s) => ({ value: s, label: label(povertyStatusLabels[s]) }))}
        data-testid="filter-poverty"
        popupMatchSelectWidth={false}
      />
      <Select<Flag>
        allowClear
        placeholder={t('households.filterNeedsHelp')}
        aria-label={t('households.filterNeedsHelp')}
        value={filters.needsHelp}
        onChange={(value) => onChange({ needsHelp: value })}
        options={[
          { value: 'true', label: label(careCategoryLabels.needs_help) },
          { value: 'false', label: `${label(careCategoryLabels.needs_help)}: ${t('app.no')}` },
        ]}
        data-testid="filter-needs-help"
        popupMatchSelectWidth={false}
      />
      {ownList ? null : (
        <Select<Flag>
          allowClear
          placeholder={t('households.filterAssigned')}
          aria-label={t('households.filterAssigned')}
          value={filters.assigned}
          onChange={(value) => onChange({ assigned: value })}
          options={[
            { value: 'true', label: t('households.assignedYes') },
            { value: 'false', label: t('households.assignedNo') },
          ]}
          data-testid="filter-assigned"
          popupMatchSelectWidth={false}
        />
      )}
      {any ? (
        <Button
          type="link"
          onClick={() => {
            onText('');
            onChange({ povertyStatus: undefined, needsHelp: undefined, assigned: undefined });
          }}
        >
          {t('households.clearFilters')}
        </Button>
      ) : null}
    </div>
  );
}
