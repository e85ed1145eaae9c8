import { Card, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { unitKindLabels, type UnitCounts } from '@caunoi/domain';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/use-is-phone';
import { formatNumber, formatShare } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import type { ChildFigures } from './use-child-figures';

const figure = (counts: UnitCounts | undefined, key: keyof UnitCounts) =>
  counts ? formatNumber(counts[key]) : '…';

/** The units below, with the report's columns: members, assigned, households, assigned, poor, near-poor. */
export function ChildUnits({ figures }: { figures: ChildFigures[] }) {
  const { t, label } = useI18n();
  const isPhone = useIsPhone();

  if (isPhone) {
    return (
      <Card size="small" title={t('units.children')} className="section">
        <RecordList
          empty={t('units.noChildren')}
          items={figures.map(({ unit, counts }) => ({
            key: String(unit.id),
            href: `/units/${unit.id}`,
            title: unit.name,
            extra: <span className="muted">{label(unitKindLabels[unit.kind])}</span>,
            lines:
              counts && (counts.members > 0 || counts.households > 0)
                ? [
                    `${t('units.members')}: ${formatNumber(counts.members)} · ${t('units.households')}: ${formatNumber(counts.households)} (${formatShare(counts.householdsAssigned, counts.households)} ${t('households.assignedYes').toLowerCase()})`,
                  ]
                : [],
            testId: 'child-unit',
          }))}
        />
      </Card>
    );
  }

  const number = (key: keyof UnitCounts, title: string) => ({
    title,
    key,
    align: 'right' as const,
    width: 110,
    render: (_: unknown, row: ChildFigures) => figure(row.counts, key),
  });
  const columns: TableColumnsType<ChildFigures> = [
    {
      title: t('units.children'),
      key: 'name',
      render: (_: unknown, { unit }) => (
        <>
          <Link to={`/units/${unit.id}`} data-testid="child-unit">
            {unit.name}
          </Link>{' '}
          <span className="muted">{label(unitKindLabels[unit.kind])}</span>
        </>
      ),
    },
    number('members', t('units.members')),
    number('membersAssigned', t('units.membersAssigned')),
    number('households', t('units.households')),
    number('householdsAssigned', t('units.householdsAssigned')),
    number('poor', t('units.poor')),
    number('nearPoor', t('units.nearPoor')),
  ];
  return (
    <Card size="small" className="section" styles={{ body: { padding: 0 } }}>
      <Table<ChildFigures>
        rowKey={(row) => row.unit.id}
        size="small"
        columns={columns}
        dataSource={figures}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('units.noChildren') }}
      />
    </Card>
  );
}
