import { Module } from '@nestjs/common';
import { DutyExportController } from './duty-export.controller';
import { DutyExportService } from './duty-export.service';
import { DutyQueryService } from './duty-query.service';
import { DutyResolver } from './duty.resolver';
import { DutyReviewService } from './duty-review.service';

@Module({
  controllers: [DutyExportController],
  providers: [DutyQueryService, DutyReviewService, DutyExportService, DutyResolver],
  exports: [DutyQueryService, DutyExportService],
})
export class DutyModule {}
