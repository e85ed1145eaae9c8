import { Button, Card, DatePicker, Segmented, Tag } from 'antd';
import { FileExcelOutlined, PartitionOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import {
  boundariesOption,
  can,
  todayInVietnam,
  type BoundariesOption,
  type CoverageReport,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { PrintableLink } from '../reports/PrintableLink';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { AssignmentAlertsCard } from './AssignmentAlertsCard';
import { CoverageLoadChart } from './CoverageLoadChart';
import { CoverageTable } from './CoverageTable';
import { PartyUnitPicker } from './PartyUnitPicker';
import { coverageExcelUrl, useCoverage } from './coverage-queries';
import { formatAverage, formatCount } from './format';

const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/**
 * Who follows which households, for any unit and any date: the report's table
 * with a chart, the Excel file, today's alerts, and the way to a balanced proposal.
 */
export default function CoveragePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unitId');
  const unitId = unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : user.scopeUnitId;
  const date = isoDate(params.get('date'));
  const today = todayInVietnam();
  // A past date reads in the structure of that date unless today's boundaries are asked for.
  const boundaries: BoundariesOption | undefined =
    date !== undefined && params.get('boundaries') === 'today' ? 'today' : undefined;
  const report = useCoverage(unitId, date, boundaries);
  const set = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });

  return (
    <>
      <PageTitle
        title={t('coverage.title')}
        sub={report.data ? <Tag>{report.data.unit.name}</Tag> : null}
        extra={
          <>
            {can(user.role, 'assignment.write') ? (
              <Link to={`/assignments/proposals/new?unitId=${unitId}`}>
                <Button icon={<PartitionOutlined />} data-testid="open-proposal-form">
                  {t('coverage.propose')}
                </Button>
              </Link>
            ) : null}{' '}
            <PrintableLink kind="coverage" params={{ unitId, date, boundaries }} />{' '}
            <a href={coverageExcelUrl(unitId, date, boundaries)} download data-testid="coverage-excel">
              <Button icon={<FileExcelOutlined />}>{t('coverage.export')}</Button>
            </a>
          </>
        }
      />
      <div className="filters">
        <PartyUnitPicker
          value={unitId}
          onChange={(id) => set({ unitId: String(id) })}
          testId="coverage-unit"
        />
        <DatePicker
          format="DD/MM/YYYY"
          allowClear={false}
          inputReadOnly
          value={dayjs(date ?? today)}
          disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
          onChange={(d) => {
            const value = d?.format('YYYY-MM-DD');
            // Today has one structure: the boundaries choice goes with the past date.
            set(value === today ? { date: undefined, boundaries: undefined } : { date: value });
          }}
          aria-label={t('coverage.date')}
          data-testid="coverage-date"
        />
        {date !== undefined ? (
          <Segmented<BoundariesOption>
            aria-label={t('coverage.boundaries')}
            value={boundaries ?? 'as_of_date'}
            options={boundariesOption.options.map((b) => ({
              value: b,
              label: t(`coverage.boundaries.${b}`),
            }))}
            onChange={(b) => set({ boundaries: b === 'today' ? b : undefined })}
            data-testid="coverage-boundaries"
          />
        ) : null}
      </div>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <CoverageBody report={report.data} onOpen={(id) => set({ unitId: String(id) })} />
      )}
      {date === undefined ? <AssignmentAlertsCard unitId={unitId} /> : null}
    </>
  );
}

function CoverageBody({ report, onOpen }: { report: CoverageReport; onOpen: (unitId: number) => void }) {
  const { t } = useI18n();
  const f = report.totals;
  if (f.members === 0 && f.households === 0) return <p className="muted">{t('coverage.empty')}</p>;
  return (
    <div data-testid="coverage">
      <p className="muted">
        {t('coverage.date')} {formatDate(report.date)} ·{' '}
        {report.source === 'rollup' ? t('coverage.sourceRollup') : t('coverage.sourceRecords')}
        {report.source === 'records' && report.boundaries ? (
          <span data-testid="coverage-boundaries-shown">
            {' · '}
            {t(`coverage.boundariesShown.${report.boundaries}`, { date: formatDate(report.date) })}
          </span>
        ) : null}
      </p>
      <Card size="small" className="section" data-testid="coverage-summary">
        {t('coverage.summary', {
          membersAssigned: formatCount(f.membersAssigned),
          members: formatCount(f.members),
          householdsAssigned: formatCount(f.householdsAssigned),
          households: formatCount(f.households),
          avg: formatAverage(f.perMemberAvg),
          max: formatCount(f.perMemberMax),
          min: formatCount(f.perMemberMin),
        })}
      </Card>
      <CoverageLoadChart report={report} />
      <Card size="small" className="section">
        <CoverageTable report={report} onOpen={onOpen} />
      </Card>
    </div>
  );
}
