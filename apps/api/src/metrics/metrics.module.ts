import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/**
 * Prometheus metrics: the registry, the request measuring and `/metrics` (mounted by
 * createServer before the web app's fallback) and the optional management listener.
 */
@Global()
@Module({
  providers: [MetricsService],
  exports: [MetricsService],
})
export class MetricsModule {}
