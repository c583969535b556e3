import { Module } from '@nestjs/common';
import { RegulationImportService } from './regulation-import.service';
import { RegulationQueryService } from './regulation-query.service';
import { RegulationUploadController } from './regulation-upload.controller';
import { regulationResolvers } from './regulation.resolver';

@Module({
  controllers: [RegulationUploadController],
  providers: [RegulationImportService, RegulationQueryService, ...regulationResolvers],
  exports: [RegulationImportService],
})
export class RegulationModule {}
