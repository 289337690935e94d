import { computeAxisMax } from '@/lib/domain/lesson-stats';
import { ChartLegend } from './chart-legend';
import { listTicks, roundCoordinate, sumValues, type ChartDatum, type ChartSeries } from './chart-types';

type HorizontalBarChartProps = {
  id: string;
  title: string;
  series: readonly ChartSeries[];
  data: readonly ChartDatum[];
};

const WIDTH = 480;
const LABEL_WIDTH = 150;
const VALUE_GAP = 36;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 16;
const AXIS_HEIGHT = 22;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_GAP;

/**
 * Stacked horizontal bars as plain SVG, drawn on the server. The viewBox fixes the aspect
 * ratio, so the browser reserves the right height before anything loads (no layout shift).
 * The numbers themselves are in the table beside it; the SVG is the at-a-glance view.
 */
export function HorizontalBarChart({ id, title, series, data }: HorizontalBarChartProps) {
  const axisMax = computeAxisMax(Math.max(0, ...data.map((datum) => sumValues(datum, series))));
  const height = data.length * ROW_HEIGHT + AXIS_HEIGHT;
  const scale = (value: number) => roundCoordinate((value / axisMax) * PLOT_WIDTH);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        className="h-auto w-full"
        role="img"
        aria-labelledby={`${id}-title`}
      >
        <title id={`${id}-title`}>{`${title} (bar chart; the table beside it has the numbers)`}</title>
        {listTicks(axisMax).map((tick) => (
          <g key={tick}>
            <line
              x1={LABEL_WIDTH + scale(tick)}
              x2={LABEL_WIDTH + scale(tick)}
              y1={0}
              y2={height - AXIS_HEIGHT}
              className="stroke-slate-200"
            />
            <text
              x={LABEL_WIDTH + scale(tick)}
              y={height - 6}
              textAnchor="middle"
              fontSize={11}
              className="fill-slate-500"
            >
              {tick}
            </text>
          </g>
        ))}
        {data.map((datum, row) => {
          const y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
          let x = LABEL_WIDTH;
          return (
            <g key={datum.key}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + BAR_HEIGHT - 4}
                textAnchor="end"
                fontSize={12}
                className="fill-slate-700"
              >
                {datum.label}
              </text>
              {series.map((item) => {
                const value = datum.values[item.key] ?? 0;
                if (value <= 0) return null;
                const barX = x;
                x = roundCoordinate(x + scale(value));
                return (
                  <rect
                    key={item.key}
                    x={barX}
                    y={y}
                    width={scale(value)}
                    height={BAR_HEIGHT}
                    className={item.fillClass}
                  />
                );
              })}
              <text x={x + 6} y={y + BAR_HEIGHT - 4} fontSize={12} className="fill-slate-700">
                {sumValues(datum, series)}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartLegend series={series} />
    </figure>
  );
}
