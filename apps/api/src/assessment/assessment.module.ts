import { Module } from '@nestjs/common';
import { AssessmentReportController } from './assessment-report.controller';
import { AssessmentResolver } from './assessment.resolver';
import { AssessmentService } from './assessment.service';

/** The Article 40 assessment: plans, adjustments, live and frozen scores, reports. */
@Module({
  controllers: [AssessmentReportController],
  providers: [AssessmentService, AssessmentResolver],
  exports: [AssessmentService],
})
export class AssessmentModule {}
