import { theme } from 'antd';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveContainer, type LegendPayload, type TooltipContentProps } from 'recharts';
import {
  ChartContext,
  chartColorVariables,
  resolveChartSeries,
  useChartContext,
  type ChartConfig,
  type ChartContextValue,
} from './chartConfig';

export interface ChartContainerProps {
  /** Series labels and colours by `dataKey`. */
  config: ChartConfig;
  /** Accessible name of the chart (already translated). */
  title: string;
  /** Height in pixels; the width follows the parent. */
  height?: number;
  /** Formats values in the tooltip; defaults to the UI language's number format. */
  valueFormatter?: (value: number) => string;
  /** One recharts chart (`BarChart`, `LineChart`, …). */
  children: ReactElement;
}

/**
 * Responsive frame for recharts charts with config-driven colours and labels:
 *
 * ```tsx
 * <ChartContainer config={{ done: { label: t('…') } }} title={t('…')}>
 *   <BarChart data={rows}>
 *     <XAxis dataKey="region" />
 *     <Tooltip content={<ChartTooltipContent />} />
 *     <Legend content={<ChartLegendContent />} />
 *     <Bar dataKey="done" fill={chartColor('done')} />
 *   </BarChart>
 * </ChartContainer>
 * ```
 */
export function ChartContainer({
  config,
  title,
  height = 300,
  valueFormatter,
  children,
}: ChartContainerProps) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const series = useMemo(() => resolveChartSeries(config), [config]);
  const context = useMemo<ChartContextValue>(() => {
    const numberFormat = new Intl.NumberFormat(language);
    return {
      series: new Map(series.map((s) => [s.key, s])),
      formatValue: valueFormatter ?? ((value) => numberFormat.format(value)),
    };
  }, [series, language, valueFormatter]);

  return (
    <ChartContext.Provider value={context}>
      <figure
        aria-label={title}
        style={{ margin: 0, width: '100%', ...chartColorVariables(series) }}
      >
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      </figure>
    </ChartContext.Provider>
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: color }}
    />
  );
}

/** Tooltip body showing the configured labels; use as `<Tooltip content={<ChartTooltipContent />} />`. */
export function ChartTooltipContent({
  active,
  payload,
  label,
}: Partial<Pick<TooltipContentProps, 'active' | 'payload' | 'label'>>) {
  const { series, formatValue } = useChartContext();
  const { token } = theme.useToken();
  if (!active || !payload?.length) return null;
  return (
    <div
      style={{
        background: token.colorBgElevated,
        boxShadow: token.boxShadowSecondary,
        borderRadius: token.borderRadius,
        padding: `${token.paddingXS}px ${token.paddingSM}px`,
        fontSize: token.fontSizeSM,
      }}
    >
      {label !== undefined && <div style={{ fontWeight: 600, marginBottom: 4 }}>{label}</div>}
      {payload.map((item) => {
        const config = series.get(String(item.dataKey));
        const value = item.value;
        return (
          <div
            key={String(item.dataKey ?? item.name)}
            style={{ display: 'flex', alignItems: 'center', gap: 8 }}
          >
            <Swatch color={config?.color ?? item.color ?? token.colorTextSecondary} />
            <span>{config?.label ?? item.name}</span>
            <span style={{ marginLeft: 'auto', fontVariantNumeric: 'tabular-nums' }}>
              {typeof value === 'number' ? formatValue(value) : String(value ?? '')}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** Legend showing the configured labels; use as `<Legend content={<ChartLegendContent />} />`. */
export function ChartLegendContent({ payload }: { payload?: ReadonlyArray<LegendPayload> }) {
  const { series } = useChartContext();
  if (!payload?.length) return null;
  return (
    <ul
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        justifyContent: 'center',
        gap: 16,
        margin: 0,
        padding: 0,
        listStyle: 'none',
      }}
    >
      {payload.map((item) => {
        const config = series.get(String(item.dataKey));
        return (
          <li
            key={String(item.dataKey ?? item.value)}
            style={{ display: 'flex', alignItems: 'center', gap: 6 }}
          >
            <Swatch color={config?.color ?? item.color ?? 'currentColor'} />
            <span>{config?.label ?? item.value}</span>
          </li>
        );
      })}
    </ul>
  );
}
