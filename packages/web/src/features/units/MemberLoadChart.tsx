import { useMemo } from 'react';
import { Card } from 'antd';
import { compareVietnameseNames, type Member, formatDecimal } from '@caunoi/domain';
import { EChart, type EChartOption } from '../../components/EChart';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { useAllCellMembers } from '../members/queries';

interface Load {
  name: string;
  count: number;
  exempt: boolean;
}

/**
 * Households per member of a cell, with the report's average, minimum and
 * maximum: shows at a glance who carries 27 households and who carries 7.
 * Exempt members are left out of the figures, as they are of assignments.
 */
export function MemberLoadChart({ cellId }: { cellId: number }) {
  const { t } = useI18n();
  const members = useAllCellMembers(cellId);
  const loads: Load[] = (members.data?.items ?? [])
    .filter((m: Member) => !m.exempt)
    .sort((a, b) => b.householdCount - a.householdCount || compareVietnameseNames(a.fullName, b.fullName))
    .map((m) => ({ name: m.fullName, count: m.householdCount, exempt: m.exempt }));
  const key = JSON.stringify(loads);
  const option = useMemo(() => chartOption(JSON.parse(key) as Load[], t('units.households')), [key, t]);
  const assigned = loads.filter((l) => l.count > 0).map((l) => l.count);
  if (assigned.length === 0) return null;
  const average = assigned.reduce((sum, n) => sum + n, 0) / assigned.length;

  return (
    <Card
      size="small"
      className="section"
      title={t('units.loadTitle')}
      data-testid="member-load-chart"
      extra={
        <span className="muted">
          {t('units.loadSummary', {
            average: formatDecimal(average),
            min: formatNumber(Math.min(...assigned)),
            max: formatNumber(Math.max(...assigned)),
          })}
        </span>
      }
    >
      <EChart
        option={option}
        height={Math.max(180, loads.length * 22 + 40)}
        ariaLabel={t('units.loadTitle')}
      />
    </Card>
  );
}

function chartOption(loads: Load[], seriesName: string): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: loads.map((l) => l.name),
      axisLabel: { width: 150, overflow: 'truncate', fontSize: 11 },
    },
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: 14,
        data: loads.map((l) => l.count),
        itemStyle: { color: '#b71c1c' },
        label: { show: true, position: 'right', fontSize: 11 },
      },
    ],
  };
}
