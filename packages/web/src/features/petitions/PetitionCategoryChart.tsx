import { useMemo } from 'react';
import { petitionCategoryLabels, type PetitionFigures } from '@caunoi/domain';
import { EChart, type EChartOption } from '../../components/EChart';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';

/** Received and answered petitions by category, the longest bar first. */
export function PetitionCategoryChart({ figures }: { figures: PetitionFigures }) {
  const { t, label } = useI18n();
  const rows = figures.byCategory
    .filter((c) => c.received > 0)
    .sort((a, b) => b.received - a.received)
    .map((c) => ({
      name: label(petitionCategoryLabels[c.category]),
      received: c.received,
      answered: c.answered,
    }));
  const key = JSON.stringify(rows);
  const option = useMemo<EChartOption>(() => {
    const data = JSON.parse(key) as typeof rows;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v)) },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.map((r) => r.name),
        axisLabel: { width: 130, overflow: 'truncate' },
      },
      series: [
        {
          name: t('petitions.received'),
          type: 'bar',
          data: data.map((r) => r.received),
          itemStyle: { color: '#bfbfbf' },
        },
        {
          name: t('petitions.answered'),
          type: 'bar',
          data: data.map((r) => r.answered),
          itemStyle: { color: '#b71c1c' },
        },
      ],
    };
    // `key` stands for the rows: the chart is rebuilt only when they change.
  }, [key, t]);
  if (rows.length === 0) return null;
  return (
    <div data-testid="petition-category-chart">
      <EChart
        option={option}
        height={Math.max(160, rows.length * 44 + 60)}
        ariaLabel={t('petitions.byCategory')}
      />
    </div>
  );
}
