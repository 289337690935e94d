import { computeAxisMax } from '@/lib/domain/lesson-stats';
import { ChartLegend } from './chart-legend';
import { listTicks, roundCoordinate, sumValues, type ChartDatum, type ChartSeries } from './chart-types';

type ColumnChartProps = {
  id: string;
  title: string;
  series: readonly ChartSeries[];
  /** Oldest first; `label` is drawn under the column (keep it short, e.g. "Mar"). */
  data: readonly ChartDatum[];
};

const WIDTH = 640;
const HEIGHT = 220;
const AXIS_WIDTH = 28;
const LABEL_HEIGHT = 24;
const TOP = 8;
const PLOT_HEIGHT = HEIGHT - LABEL_HEIGHT - TOP;

/** Stacked columns over time as plain server-rendered SVG; see HorizontalBarChart for why. */
export function ColumnChart({ id, title, series, data }: ColumnChartProps) {
  const axisMax = computeAxisMax(Math.max(0, ...data.map((datum) => sumValues(datum, series))));
  const slot = (WIDTH - AXIS_WIDTH) / Math.max(1, data.length);
  // Thin enough to read as columns even with only a few months to show.
  const columnWidth = roundCoordinate(Math.min(40, Math.max(4, slot * 0.6)));
  const scale = (value: number) => roundCoordinate((value / axisMax) * PLOT_HEIGHT);
  // Two dozen labels do not fit side by side: label every other month when there are many.
  const labelEvery = data.length > 12 ? 2 : 1;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        className="h-auto w-full"
        role="img"
        aria-labelledby={`${id}-title`}
      >
        <title id={`${id}-title`}>{`${title} (column chart; the table beside it has the numbers)`}</title>
        {listTicks(axisMax).map((tick) => {
          const y = roundCoordinate(TOP + PLOT_HEIGHT - scale(tick));
          return (
            <g key={tick}>
              <line x1={AXIS_WIDTH} x2={WIDTH} y1={y} y2={y} className="stroke-slate-200" />
              <text x={AXIS_WIDTH - 6} y={y + 4} textAnchor="end" fontSize={11} className="fill-slate-500">
                {tick}
              </text>
            </g>
          );
        })}
        {data.map((datum, index) => {
          const x = roundCoordinate(AXIS_WIDTH + index * slot + (slot - columnWidth) / 2);
          let top = TOP + PLOT_HEIGHT;
          return (
            <g key={datum.key}>
              {series.map((item) => {
                const value = datum.values[item.key] ?? 0;
                if (value <= 0) return null;
                top = roundCoordinate(top - scale(value));
                return (
                  <rect
                    key={item.key}
                    x={x}
                    y={top}
                    width={columnWidth}
                    height={scale(value)}
                    className={item.fillClass}
                  />
                );
              })}
              {index % labelEvery === (data.length - 1) % labelEvery ? (
                <text
                  x={x + columnWidth / 2}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                  fontSize={11}
                  className="fill-slate-600"
                >
                  {datum.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ChartLegend series={series} />
    </figure>
  );
}
