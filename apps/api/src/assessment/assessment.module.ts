import { Module } from '@nestjs/common';
import { AssessmentReportController } from './assessment-report.controller';
import { AssessmentResolver } from './assessment.resolver';
import { AssessmentService } from './assessment.service';
import { ResultSetExportController } from './result-set-export.controller';
import { UnitReportPdfController } from './unit-report-pdf.controller';
import { AssessmentMeasureResolver } from './measure/assessment-measure.resolver';
import { AssessmentMeasureService } from './measure/assessment-measure.service';
import { AssessmentStageResolver } from './stages/assessment-stage.resolver';
import { AssessmentStageReviewService } from './stages/assessment-stage-review.service';
import { AssessmentStageService } from './stages/assessment-stage.service';
import { HistoryImportController } from './history-import/history-import.controller';
import { HistoryImportResolver } from './history-import/history-import.resolver';
import { HistoryImportService } from './history-import/history-import.service';
import { YearOverYearResolver } from './year-over-year/year-over-year.resolver';
import { YearOverYearService } from './year-over-year/year-over-year.service';
import { OnsiteVerificationResolver } from './onsite/onsite.resolver';
import { OnsiteVerificationService } from './onsite/onsite.service';
import { AssessmentObjectionResolver } from './objections/objection.resolver';
import { AssessmentObjectionService } from './objections/objection.service';

/**
 * The Article 40 assessment: plans, measured values, adjustments, live and frozen scores, reports;
 * the stages (self-assessment, reviews), on-site verification, publication and objections, year
 * over year and imported earlier years.
 */
@Module({
  controllers: [
    AssessmentReportController,
    ResultSetExportController,
    HistoryImportController,
    UnitReportPdfController,
  ],
  providers: [
    AssessmentService,
    AssessmentResolver,
    AssessmentMeasureService,
    AssessmentMeasureResolver,
    AssessmentStageService,
    AssessmentStageReviewService,
    AssessmentStageResolver,
    YearOverYearService,
    YearOverYearResolver,
    HistoryImportService,
    HistoryImportResolver,
    OnsiteVerificationService,
    OnsiteVerificationResolver,
    AssessmentObjectionService,
    AssessmentObjectionResolver,
  ],
  exports: [AssessmentService],
})
export class AssessmentModule {}
