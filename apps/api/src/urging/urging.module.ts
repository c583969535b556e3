import { Module } from '@nestjs/common';
import { TaskModule } from '../task/task.module';
import { UrgingResolver } from './urging.resolver';
import { UrgingService } from './urging.service';

/** 三色督办单: the daily job, manual notices, 签收 and 反馈. */
@Module({
  imports: [TaskModule],
  providers: [UrgingService, UrgingResolver],
  exports: [UrgingService],
})
export class UrgingModule {}
