import { Alert, Button, Select, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import {
  povertyClassificationLabels,
  povertyStatusLabels,
  todayInVietnam,
  type PovertyReviewRow,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { PrintableLink } from '../reports/PrintableLink';
import { RecordList } from '../../components/RecordList';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { PovertyAreaCard } from './PovertyAreaCard';
import { reviewExcelUrl, usePovertyReview } from './queries';

/**
 * The annual review (1 September to mid-December) for the unit: the
 * households the village meeting must look at, and the Excel file it works from.
 */
export default function PovertyReviewPage() {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear);
  const unitId = Number(params.get('unitId') ?? user.scopeUnitId);
  const review = usePovertyReview(unitId, year);

  const setYear = (value: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(value));
    setParams(next, { replace: true });
  };
  const list = (rows: PovertyReviewRow[], testId: string) => (
    <div data-testid={testId}>
      <RecordList
        empty={t('poverty.emptyList')}
        items={rows.map((r) => ({
          key: r.householdId,
          href: `/households/${r.householdId}`,
          title: r.headName,
          extra: r.code,
          testId: 'review-row',
          attributes: { 'data-household-id': r.householdId },
          lines: [
            `${r.cellName} · ${r.address}`,
            t('poverty.row', {
              recognised: r.recognisedStatus
                ? `${label(povertyStatusLabels[r.recognisedStatus])} (${r.recognisedYear})`
                : t('poverty.none'),
              suggested: r.suggested ? label(povertyClassificationLabels[r.suggested]) : t('poverty.none'),
            }),
            r.monthlyIncomePerCapita === null
              ? t('poverty.incomeUnknown')
              : t('poverty.rowIncome', {
                  amount: formatNumber(r.monthlyIncomePerCapita),
                  count: r.deprivationCount,
                }),
            r.reviewNote ?? '',
          ],
        }))}
      />
    </div>
  );

  let body;
  if (review.isPending) body = <LoadingState />;
  else if (review.isError) body = <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  else {
    const r = review.data;
    body = (
      <>
        <p className="muted">
          {r.unitName} · {r.standard} · {formatNumber(r.incomeLine)} đ
        </p>
        <Tabs
          items={[
            {
              key: 'differs',
              label: `${t('poverty.differs')} (${r.differs.length})`,
              children: list(r.differs, 'review-differs'),
            },
            {
              key: 'near',
              label: `${t('poverty.nearLine', { percent: Math.round(r.nearLineShare * 100) })} (${r.nearLine.length})`,
              children: list(r.nearLine, 'review-near-line'),
            },
            {
              key: 'requested',
              label: `${t('poverty.requested')} (${r.reviewRequested.length})`,
              children: list(r.reviewRequested, 'review-requested'),
            },
          ]}
        />
        <Alert type="info" showIcon className="section" title={t('poverty.reviewHelp')} />
      </>
    );
  }

  return (
    <>
      <PageTitle
        title={t('poverty.reviewTitle')}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 100 }}
              aria-label={t('poverty.year')}
              options={Array.from({ length: 9 }, (_, i) => 2022 + i)
                .filter((y) => y <= thisYear + 1)
                .map((y) => ({ value: y, label: String(y) }))}
              data-testid="review-year"
            />
            <PrintableLink kind="poverty" params={{ unitId, year }} />
            <Button
              icon={<DownloadOutlined />}
              href={reviewExcelUrl(unitId, year)}
              data-testid="review-export"
            >
              {t('poverty.export')}
            </Button>
          </>
        }
      />
      {body}
      <PovertyAreaCard unitId={unitId} />
    </>
  );
}
