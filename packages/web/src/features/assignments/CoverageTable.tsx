import { Table, Tooltip } from 'antd';
import { KeyboardScroll } from '../../components/KeyboardScroll';
import type { ColumnsType } from 'antd/es/table';
import { formatOf, needsHelpDefinition, type CoverageFigures, type CoverageReport } from '@caunoi/domain';
import { formatShare } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { formatAverage, formatCount } from './format';

type Row = CoverageFigures & { key: string; unit: CoverageReport['rows'][number]['unit'] | null };

/** The report's table: one row per cell (or committee), the total last; a row's name opens that unit. */
export function CoverageTable({
  report,
  onOpen,
}: {
  report: CoverageReport;
  onOpen: (unitId: number) => void;
}) {
  const { t, label } = useI18n();
  const rows: Row[] = [
    ...report.rows.map((r) => ({ ...r, key: String(r.unit.id) })),
    { ...report.totals, key: 'total', unit: null },
  ];
  // "12/14": followed by a member of all, as the column head says (a bare "14 (12)" left readers guessing).
  const ofTotal = (assigned: number, total: number) => (
    <Tooltip title={t('coverage.assignedOf', { assigned: formatCount(assigned), total: formatCount(total) })}>
      {formatOf(assigned, total)}
    </Tooltip>
  );
  const ofTotalHead = (key: 'coverage.poor' | 'coverage.nearPoor' | 'coverage.needsHelp') => (
    <>
      {t(key)}
      <br />
      <small className="muted">{t('coverage.assignedOfHead')}</small>
    </>
  );
  const columns: ColumnsType<Row> = [
    {
      title: t('coverage.row'),
      key: 'unit',
      fixed: 'left',
      width: 200,
      render: (_, r) =>
        r.unit ? (
          <a onClick={() => onOpen(r.unit!.id)} data-testid="coverage-row-link">
            {r.unit.name}
          </a>
        ) : (
          <strong>{t('coverage.total')}</strong>
        ),
    },
    { title: t('coverage.members'), align: 'right', render: (_, r) => formatCount(r.members) },
    {
      title: t('coverage.membersAssigned'),
      align: 'right',
      render: (_, r) => (
        <>
          {formatCount(r.membersAssigned)}{' '}
          <span className="muted">({formatShare(r.membersAssigned, r.members)})</span>
        </>
      ),
    },
    { title: t('coverage.households'), align: 'right', render: (_, r) => formatCount(r.households) },
    {
      title: t('coverage.householdsAssigned'),
      align: 'right',
      render: (_, r) => formatCount(r.householdsAssigned),
    },
    {
      title: t('coverage.unassigned'),
      align: 'right',
      render: (_, r) =>
        r.householdsUnassigned > 0 ? (
          <span style={{ color: '#cf1322' }}>{formatCount(r.householdsUnassigned)}</span>
        ) : (
          '0'
        ),
    },
    {
      title: t('coverage.avg'),
      align: 'right',
      render: (_, r) => <span data-testid="coverage-avg">{formatAverage(r.perMemberAvg)}</span>,
    },
    { title: t('coverage.min'), align: 'right', render: (_, r) => formatCount(r.perMemberMin) },
    { title: t('coverage.max'), align: 'right', render: (_, r) => formatCount(r.perMemberMax) },
    {
      title: ofTotalHead('coverage.poor'),
      align: 'right',
      render: (_, r) => ofTotal(r.poorAssigned, r.poor),
    },
    {
      title: ofTotalHead('coverage.nearPoor'),
      align: 'right',
      render: (_, r) => ofTotal(r.nearPoorAssigned, r.nearPoor),
    },
    {
      title: ofTotalHead('coverage.needsHelp'),
      align: 'right',
      render: (_, r) => ofTotal(r.needsHelpAssigned, r.needsHelp),
    },
  ];
  return (
    <KeyboardScroll label={t('coverage.title')}>
      <Table<Row>
        size="small"
        pagination={false}
        scroll={{ x: 1100 }}
        rowKey="key"
        dataSource={rows}
        columns={columns}
        rowClassName={(r) => (r.unit ? '' : 'coverage-total-row')}
        // What "needing help" counts (each household once), since the paper report's kinds overlap.
        footer={() => (
          <span className="muted" data-testid="needs-help-definition">
            {label(needsHelpDefinition)}
          </span>
        )}
        data-testid="coverage-table"
      />
    </KeyboardScroll>
  );
}
