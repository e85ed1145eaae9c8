import { Tag } from 'antd';
import {
  careCategoriesOf,
  careCategoryLabels,
  povertyStatusLabels,
  type CareCategory,
  type HouseholdSummary,
  type PovertyStatus,
} from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

const povertyColors: Record<PovertyStatus, string | undefined> = {
  poor: 'red',
  near_poor: 'orange',
  average: 'gold',
  none: undefined,
};

export function PovertyTag({ status, year }: { status: PovertyStatus; year?: number }) {
  const { label } = useI18n();
  if (status === 'none' && year === undefined) return null;
  return (
    <Tag color={povertyColors[status]} data-testid="poverty-tag">
      {label(povertyStatusLabels[status])}
      {year !== undefined ? ` ${year}` : ''}
    </Tag>
  );
}

/** The worklist's colours for the same categories, so a household looks the same on both. */
export const careCategoryColors: Record<CareCategory, string | undefined> = {
  poor: 'red',
  near_poor: 'orange',
  needs_help: 'blue',
  policy_family: 'purple',
  other: undefined,
};

/**
 * Poverty status, "needs help" and policy family: the flags a cell secretary
 * scans for, in the worklist's words (domain careCategoryLabels), so one
 * household carries the same label on every page.
 */
export function HouseholdTags({
  household,
  withYear = false,
}: {
  household: HouseholdSummary;
  withYear?: boolean;
}) {
  const { label } = useI18n();
  const flags = careCategoriesOf(household).filter(
    (c): c is 'needs_help' | 'policy_family' => c === 'needs_help' || c === 'policy_family',
  );
  return (
    <>
      <PovertyTag status={household.povertyStatus} {...(withYear ? { year: household.povertyYear } : {})} />
      {flags.map((c) => (
        <Tag key={c} color={careCategoryColors[c]} data-testid="care-tag">
          {label(careCategoryLabels[c])}
        </Tag>
      ))}
    </>
  );
}
