import { Module } from '@nestjs/common';
import { TaskModule } from '../task/task.module';
import { TaskAssignmentFieldsResolver, TaskAssignmentResolver } from './task-assignment.resolver';
import { TaskAcknowledgementService } from './task-acknowledgement.service';
import { TaskAssignmentQueryService } from './task-assignment-query.service';
import { TaskAssignmentService } from './task-assignment.service';

/** 签收 (acknowledgement) and 转办 (reassignment) of tasks; lead propagation lives in lead-change.ts. */
@Module({
  imports: [TaskModule],
  providers: [
    TaskAssignmentService,
    TaskAcknowledgementService,
    TaskAssignmentQueryService,
    TaskAssignmentResolver,
    TaskAssignmentFieldsResolver,
  ],
  exports: [TaskAssignmentService, TaskAcknowledgementService, TaskAssignmentQueryService],
})
export class TaskAssignmentModule {}
