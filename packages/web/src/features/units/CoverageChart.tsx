import { useMemo } from 'react';
import { Card } from 'antd';
import { EChart, type EChartOption } from '../../components/EChart';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import type { ChildFigures } from './use-child-figures';

interface Row {
  name: string;
  households: number;
  assigned: number;
}

/**
 * Households and households assigned for each unit below, like the tables of
 * the 2023 report. Units without households (the state side) are left out.
 */
export function CoverageChart({ figures }: { figures: ChildFigures[] }) {
  const { t } = useI18n();
  const rows: Row[] = figures
    .filter((f) => f.counts && f.counts.households > 0)
    .map((f) => ({
      name: f.unit.name,
      households: f.counts!.households,
      assigned: f.counts!.householdsAssigned,
    }));
  // Rebuilt only when the figures change, so the chart does not re-animate on every render.
  const rowsKey = JSON.stringify(rows);
  const option = useMemo(() => chartOption(JSON.parse(rowsKey) as Row[], t), [rowsKey, t]);

  if (rows.length === 0) return null;
  return (
    <Card
      size="small"
      title={`${t('units.chartTitle')} ${t('units.chartByChild')}`}
      className="section"
      data-testid="coverage-chart"
    >
      <EChart
        option={option}
        height={Math.max(160, rows.length * 44 + 60)}
        ariaLabel={t('units.chartTitle')}
      />
    </Card>
  );
}

function chartOption(rows: Row[], t: ReturnType<typeof useI18n>['t']): EChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      // "Chi bộ ấp Thạnh An" → "ấp Thạnh An": the kind is in the title.
      data: rows.map((r) => r.name.replace(/^Chi bộ /, '')),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        name: t('units.households'),
        type: 'bar',
        data: rows.map((r) => r.households),
        itemStyle: { color: '#bfbfbf' },
      },
      {
        name: t('units.householdsAssigned'),
        type: 'bar',
        data: rows.map((r) => r.assigned),
        itemStyle: { color: '#b71c1c' },
      },
    ],
  };
}
