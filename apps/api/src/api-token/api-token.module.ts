import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ApiTokenResolver } from './api-token.resolver';
import { ApiTokenService } from './api-token.service';
import { MachineAccess } from './machine-access';
import { MachineApiController } from './machine-api.controller';
import { MachineReadService } from './machine-read.service';

/** Machine API tokens (机器访问令牌) and the read-only /api/v1 endpoints they open. */
@Module({
  imports: [AnalyticsModule],
  controllers: [MachineApiController],
  providers: [ApiTokenService, ApiTokenResolver, MachineAccess, MachineReadService],
})
export class ApiTokenModule {}
