import { Module } from '@nestjs/common';
import { AssessmentReportController } from './assessment-report.controller';
import { AssessmentResolver } from './assessment.resolver';
import { AssessmentService } from './assessment.service';
import { ResultSetExportController } from './result-set-export.controller';

/** The Article 40 assessment: plans, adjustments, live and frozen scores, reports. */
@Module({
  controllers: [AssessmentReportController, ResultSetExportController],
  providers: [AssessmentService, AssessmentResolver],
  exports: [AssessmentService],
})
export class AssessmentModule {}
