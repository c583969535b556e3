import { Module } from '@nestjs/common';
import { TaskModule } from '../task/task.module';
import { NotApplicableResolver, TaskApplicabilityFieldResolver } from './not-applicable.resolver';
import { NotApplicableService } from './not-applicable.service';

/** 不适用 requests and decisions (issue 16, item 7). */
@Module({
  imports: [TaskModule],
  providers: [NotApplicableService, NotApplicableResolver, TaskApplicabilityFieldResolver],
  exports: [NotApplicableService],
})
export class TaskApplicabilityModule {}
