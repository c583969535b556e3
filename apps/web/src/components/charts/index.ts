export { ChartContainer, ChartLegendContent, ChartTooltipContent } from './ChartContainer';
export type { ChartContainerProps } from './ChartContainer';
export { chartColor, resolveChartSeries } from './chartConfig';
export type { ChartConfig, ChartSeries, ChartSeriesConfig } from './chartConfig';
