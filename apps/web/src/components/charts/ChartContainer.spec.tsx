import { render, screen } from '@testing-library/react';
import { Bar, BarChart, Legend, Tooltip, XAxis } from 'recharts';
import '../../i18n';
import { chartPalette } from '../../theme/theme';
import { ChartContainer, ChartLegendContent, ChartTooltipContent } from './ChartContainer';
import { chartColor, resolveChartSeries, type ChartConfig } from './chartConfig';

const config: ChartConfig = {
  completed: { label: '已完成', color: '#123456' },
  overdue: { label: '已逾期' },
};

const rows = [
  { region: '武汉市', completed: 12, overdue: 1 },
  { region: '宜昌市', completed: 8, overdue: 3 },
];

describe('resolveChartSeries / chartColor', () => {
  it('keeps configured colours and fills the rest from the palette in order', () => {
    expect(resolveChartSeries(config)).toEqual([
      { key: 'completed', label: '已完成', color: '#123456' },
      { key: 'overdue', label: '已逾期', color: chartPalette[1] },
    ]);
    expect(chartColor('overdue')).toBe('var(--chart-color-overdue)');
    expect(chartColor('a.b c')).toBe('var(--chart-color-a_b_c)');
  });
});

describe('ChartContainer', () => {
  let rect: jest.SpyInstance;
  beforeEach(() => {
    // jsdom has no layout: give the responsive container a size so the chart renders.
    rect = jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      width: 600,
      height: 300,
      top: 0,
      left: 0,
      bottom: 300,
      right: 600,
    } as DOMRect);
  });
  afterEach(() => rect.mockRestore());

  it('renders a labelled figure with colour variables and a legend from the config', () => {
    render(
      <ChartContainer config={config} title="各市履职情况" height={300}>
        <BarChart data={rows}>
          <XAxis dataKey="region" />
          <Tooltip content={<ChartTooltipContent />} />
          <Legend content={<ChartLegendContent />} />
          <Bar dataKey="completed" fill={chartColor('completed')} isAnimationActive={false} />
          <Bar dataKey="overdue" fill={chartColor('overdue')} isAnimationActive={false} />
        </BarChart>
      </ChartContainer>,
    );

    const figure = screen.getByRole('figure', { name: '各市履职情况' });
    expect(figure.style.getPropertyValue('--chart-color-completed')).toBe('#123456');
    expect(figure.style.getPropertyValue('--chart-color-overdue')).toBe(chartPalette[1]);
    expect(screen.getByText('已完成')).toBeTruthy();
    expect(screen.getByText('已逾期')).toBeTruthy();
  });

  it('formats tooltip values and uses the configured labels', () => {
    render(
      <ChartContainer config={config} title="t" valueFormatter={(v) => `${v} 项`}>
        <BarChart data={rows}>
          <ChartTooltipContent
            active
            label="武汉市"
            payload={[{ dataKey: 'completed', name: 'completed', value: 12, graphicalItemId: 'a' }]}
          />
        </BarChart>
      </ChartContainer>,
    );
    expect(screen.getByText('武汉市')).toBeTruthy();
    expect(screen.getByText('已完成')).toBeTruthy();
    expect(screen.getByText('12 项')).toBeTruthy();
  });
});
