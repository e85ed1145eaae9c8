import { useMemo } from 'react';
import { Card } from 'antd';
import type { CoverageReport } from '@caunoi/domain';
import { EChart, type EChartOption } from '../../components/EChart';
import { useI18n } from '../../i18n/i18n-context';
import { formatAverage } from './format';

/**
 * Fewest, average and most households per member, row by row: where one member
 * carries 27 and another 7, the bars show it at a glance.
 */
export function CoverageLoadChart({ report }: { report: CoverageReport }) {
  const { t } = useI18n();
  const rows = report.rows.filter((r) => r.membersAssigned > 0);
  const key = JSON.stringify(rows.map((r) => [r.unit.name, r.perMemberMin, r.perMemberAvg, r.perMemberMax]));
  const option = useMemo((): EChartOption => {
    const data = JSON.parse(key) as [string, number, number, number][];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatAverage(Number(v)) },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.map((d) => d[0].replace(/^Chi bộ /, '')),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          name: t('coverage.chartMin'),
          type: 'bar',
          data: data.map((d) => d[1]),
          itemStyle: { color: '#91caff' },
        },
        {
          name: t('coverage.chartAvg'),
          type: 'bar',
          data: data.map((d) => d[2]),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: t('coverage.chartMax'),
          type: 'bar',
          data: data.map((d) => d[3]),
          itemStyle: { color: '#cf1322' },
        },
      ],
    };
  }, [key, t]);
  if (rows.length === 0) return null;
  return (
    <Card size="small" className="section" title={t('coverage.chartTitle')} data-testid="coverage-chart">
      <EChart
        option={option}
        height={Math.max(180, rows.length * 54 + 60)}
        ariaLabel={t('coverage.chartTitle')}
      />
    </Card>
  );
}
