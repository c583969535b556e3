import { Module } from '@nestjs/common';
import { DutyMappingModule } from '../duty-mapping/duty-mapping.module';
import { DutyExportController } from './duty-export.controller';
import { DutyExportService } from './duty-export.service';
import { DutyQueryService } from './duty-query.service';
import { DutyResolver } from './duty.resolver';
import { DutyReviewService } from './duty-review.service';

@Module({
  // The mapping review queue between versions belongs with the register.
  imports: [DutyMappingModule],
  controllers: [DutyExportController],
  providers: [DutyQueryService, DutyReviewService, DutyExportService, DutyResolver],
  exports: [DutyQueryService, DutyExportService],
})
export class DutyModule {}
