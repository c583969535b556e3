import { createContext, useContext, type CSSProperties } from 'react';
import { chartPalette } from '../../theme/theme';

/** One series of a chart, keyed by its `dataKey`. */
export interface ChartSeriesConfig {
  /** Text for legend and tooltip (already translated). */
  label: string;
  /** CSS colour; defaults to the next colour of the theme's chart palette. */
  color?: string;
}

/** Series by `dataKey`, in display order. */
export type ChartConfig = Record<string, ChartSeriesConfig>;

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export function resolveChartSeries(config: ChartConfig): ChartSeries[] {
  return Object.entries(config).map(([key, { label, color }], index) => ({
    key,
    label,
    color: color ?? chartPalette[index % chartPalette.length],
  }));
}

const cssVariableName = (key: string) => `--chart-color-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/**
 * The colour of a series, for `fill` / `stroke` of recharts items inside a ChartContainer:
 * `<Bar dataKey="done" fill={chartColor('done')} />`.
 */
export function chartColor(key: string): string {
  return `var(${cssVariableName(key)})`;
}

export function chartColorVariables(series: ChartSeries[]): CSSProperties {
  return Object.fromEntries(series.map((s) => [cssVariableName(s.key), s.color])) as CSSProperties;
}

export interface ChartContextValue {
  series: ReadonlyMap<string, ChartSeries>;
  formatValue: (value: number) => string;
}

export const ChartContext = createContext<ChartContextValue | null>(null);

export function useChartContext(): ChartContextValue {
  const context = useContext(ChartContext);
  if (!context) throw new Error('Chart tooltip and legend content must be inside a ChartContainer');
  return context;
}
