/** One stacked part of a bar: its name, and the classes that colour it in the SVG and the legend. */
export type ChartSeries = { key: string; label: string; fillClass: string; swatchClass: string };

/** One bar (or column): its label and a value per series key. */
export type ChartDatum = { key: string; label: string; values: Record<string, number> };

export function sumValues(datum: ChartDatum, series: readonly ChartSeries[]): number {
  return series.reduce((sum, item) => sum + (datum.values[item.key] ?? 0), 0);
}

/** Evenly spaced whole-number ticks from 0 to the axis maximum (a 1, 2 or 5 × 10ⁿ). */
export function listTicks(axisMax: number): number[] {
  const count = axisMax <= 5 ? axisMax : 5;
  const step = axisMax / count;
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

/** Two decimals are plenty in a viewBox; more only bloats the markup with float noise. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 100) / 100;
}
