import { act, render, screen } from '@testing-library/react';
import { lazyChart } from './lazyChart';

describe('lazyChart', () => {
  it('holds the chart’s height with a placeholder until the chart module has loaded', async () => {
    let resolve!: (chart: (props: { label: string }) => React.ReactElement) => void;
    const loaded = new Promise<(props: { label: string }) => React.ReactElement>((r) => {
      resolve = r;
    });
    const Chart = lazyChart(() => loaded, 280);
    const { container } = render(<Chart label="完成率趋势" />);

    const placeholder = container.querySelector('[aria-busy="true"]') as HTMLElement;
    expect(placeholder).toBeTruthy();
    expect(placeholder.style.height).toBe('280px');
    expect(screen.queryByText('完成率趋势')).toBeNull();

    await act(async () => {
      resolve(({ label }) => <figure>{label}</figure>);
      await loaded;
    });
    expect(await screen.findByText('完成率趋势')).toBeTruthy();
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
  });
});
