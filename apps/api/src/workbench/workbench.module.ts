import { Module } from '@nestjs/common';
import { WorkbenchResolver } from './workbench.resolver';
import { WorkbenchService } from './workbench.service';

/** The workbench (工作台): each business role's home page of work to do. */
@Module({
  providers: [WorkbenchService, WorkbenchResolver],
})
export class WorkbenchModule {}
