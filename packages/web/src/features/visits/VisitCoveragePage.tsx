import type { HTMLAttributes } from 'react';
import { Alert, Progress, Segmented, Space, Table } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { VisitCoverageRow } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { PrintableLink } from '../reports/PrintableLink';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/use-is-phone';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useVisitCoverage } from './queries';
import { VisitSettingsCard } from './VisitSettingsCard';

const percent = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);

/**
 * Who is behind on visits: the commune sees its cells ranked by the share of
 * households visited on time; the cell secretary sees each member's overdue
 * count and opens the member's worklist.
 */
export default function VisitCoveragePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unitId') ?? user.scopeUnitId);
  const defaultGroup = user.role === 'cell_secretary' ? 'member' : 'cell';
  const groupBy = (params.get('groupBy') as 'cell' | 'member' | null) ?? defaultGroup;
  const coverage = useVisitCoverage(unitId, groupBy);

  const setGroup = (value: 'cell' | 'member') => {
    const next = new URLSearchParams(params);
    next.set('groupBy', value);
    setParams(next, { replace: true });
  };

  const share = (row: Pick<VisitCoverageRow, 'coverage' | 'households'>) =>
    row.households === 0 ? '–' : <Progress percent={percent(row.coverage)} size="small" status="normal" />;
  const nameOf = (row: VisitCoverageRow) =>
    groupBy === 'member' ? (
      <Link to={`/worklist?memberId=${row.id}`} data-testid="coverage-member-link">
        {row.name}
      </Link>
    ) : (
      row.name
    );

  let body;
  if (coverage.isPending) body = <LoadingState />;
  else if (coverage.isError)
    body = <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />;
  else {
    const c = coverage.data;
    const rows = c.rows.map((row, index) => ({ ...row, rank: index + 1 }));
    body = (
      <>
        <p className="muted">
          {c.unitName} · {formatDate(c.asOf)} · {t('visits.total')}: {formatNumber(c.total.households)}{' '}
          {t('visits.households').toLowerCase()}, {t('visits.overdueCount').toLowerCase()}{' '}
          {formatNumber(c.total.overdue)}
        </p>
        {isPhone ? (
          <RecordList
            empty={t('app.noData')}
            items={rows.map((row) => ({
              key: String(row.id),
              href:
                groupBy === 'member'
                  ? `/worklist?memberId=${row.id}`
                  : `/visits?unitId=${row.id}&groupBy=member`,
              title: `${row.rank}. ${row.name}`,
              extra: row.households === 0 ? '–' : `${percent(row.coverage)} %`,
              testId: 'coverage-row',
              lines: [
                `${t('visits.households')}: ${row.households} · ${t('visits.visitedCount')}: ${row.visited} · ${t('visits.dueCount')}: ${row.due} · ${t('visits.overdueCount')}: ${row.overdue}`,
              ],
            }))}
          />
        ) : (
          <Table
            size="small"
            rowKey={(row) => String(row.id)}
            pagination={false}
            dataSource={rows}
            onRow={() => ({ 'data-testid': 'coverage-row' }) as HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'rank', title: t('visits.rank'), dataIndex: 'rank', width: 64 },
              {
                key: 'name',
                title: groupBy === 'member' ? t('visits.member') : t('visits.cell'),
                render: (_: unknown, row: VisitCoverageRow) =>
                  groupBy === 'cell' ? (
                    <Link to={`/visits?unitId=${row.id}&groupBy=member`}>{row.name}</Link>
                  ) : (
                    nameOf(row)
                  ),
              },
              { key: 'households', title: t('visits.households'), dataIndex: 'households', align: 'right' },
              { key: 'visited', title: t('visits.visitedCount'), dataIndex: 'visited', align: 'right' },
              { key: 'due', title: t('visits.dueCount'), dataIndex: 'due', align: 'right' },
              {
                key: 'overdue',
                title: t('visits.overdueCount'),
                align: 'right',
                render: (_: unknown, row: VisitCoverageRow) => (
                  <span
                    data-testid="coverage-overdue"
                    style={row.overdue > 0 ? { color: '#cf1322', fontWeight: 600 } : undefined}
                  >
                    {row.overdue}
                  </span>
                ),
              },
              {
                key: 'coverage',
                title: t('visits.coverage'),
                width: 180,
                render: (_: unknown, row: VisitCoverageRow) => share(row),
              },
            ]}
          />
        )}
        <Alert type="info" showIcon className="section" title={t('visits.coverageHelp')} />
      </>
    );
  }

  return (
    <>
      <PageTitle
        title={t('visits.coverageTitle')}
        extra={
          <Space wrap>
            <PrintableLink kind="visits" params={{ unitId, groupBy }} />
            <Segmented<'cell' | 'member'>
              value={groupBy}
              onChange={setGroup}
              options={[
                { value: 'cell', label: t('visits.cell') },
                { value: 'member', label: t('visits.member') },
              ]}
              data-testid="coverage-group"
            />
          </Space>
        }
        sub={
          <span className="muted">
            {groupBy === 'member' ? t('visits.coverageByMember') : t('visits.coverageByCell')}
          </span>
        }
      />
      {body}
      <VisitSettingsCard unitId={unitId} />
    </>
  );
}
