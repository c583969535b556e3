import { Skeleton } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A chart component loaded on first render, with a placeholder of its height meanwhile: the
 * charting library (recharts, ~125 KB gzipped) then stays off a page's critical path, so its
 * figures and tables show first. Import this file directly, not through `./index` (which
 * loads recharts itself):
 *
 * ```tsx
 * const TrendChart = lazyChart(() => import('./TrendChart').then((m) => m.TrendChart), 280);
 * ```
 */
export function lazyChart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  height: number,
): ComponentType<P> {
  const Chart = lazy(async () => ({ default: await load() }));
  function LazyChart(props: P) {
    return (
      <Suspense
        fallback={
          <div style={{ height, overflow: 'hidden' }} aria-busy="true">
            <Skeleton
              active
              title={false}
              paragraph={{ rows: Math.max(2, Math.floor(height / 40)) }}
            />
          </div>
        }
      >
        <Chart {...props} />
      </Suspense>
    );
  }
  return LazyChart;
}
