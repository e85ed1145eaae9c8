import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the app draws, so the chart chunk stays small.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = echarts.ComposeOption<
  | import('echarts/charts').BarSeriesOption
  | import('echarts/components').GridComponentOption
  | import('echarts/components').LegendComponentOption
  | import('echarts/components').TooltipComponentOption
>;

/** A chart that follows its container's size (phones rotate, drawers open). */
export function EChart({
  option,
  height,
  ariaLabel,
  onClick,
}: {
  option: EChartOption;
  height: number;
  ariaLabel: string;
  /** A click on a bar: its series and category (the dashboard opens the records behind it). */
  onClick?: (point: { seriesIndex: number; dataIndex: number }) => void;
}) {
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) =>
      clickHandler.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex }),
    );
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
