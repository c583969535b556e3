import { Module } from '@nestjs/common';
import { CycleResolver } from '../cycle/cycle.resolver';
import { CycleService } from '../cycle/cycle.service';
import { CycleVersionResolver } from '../cycle/cycle-version.resolver';
import { CycleVersionService } from '../cycle/cycle-version.service';
import { TaskQueryService } from './task-query.service';
import { TaskSpreadsheetController } from './task-spreadsheet.controller';
import { TaskAssistResolver, TaskEventResolver, TaskResolver } from './task.resolver';
import { TaskService } from './task.service';

@Module({
  controllers: [TaskSpreadsheetController],
  providers: [
    CycleService,
    CycleResolver,
    CycleVersionService,
    CycleVersionResolver,
    TaskService,
    TaskQueryService,
    TaskResolver,
    TaskAssistResolver,
    TaskEventResolver,
  ],
  exports: [CycleService, TaskService],
})
export class TaskModule {}
