import { Tag } from 'antd';
import { povertyStatusLabels, type HouseholdSummary, type PovertyStatus } from '@caunoi/domain';
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

/** Poverty status, "needs help" and policy family: the flags a cell secretary scans for. */
export function HouseholdTags({
  household,
  withYear = false,
}: {
  household: HouseholdSummary;
  withYear?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <PovertyTag status={household.povertyStatus} {...(withYear ? { year: household.povertyYear } : {})} />
      {household.needsHelp ? <Tag color="blue">{t('households.needsHelp')}</Tag> : null}
      {household.policyFamily ? <Tag color="purple">{t('households.policyFamily')}</Tag> : null}
    </>
  );
}
