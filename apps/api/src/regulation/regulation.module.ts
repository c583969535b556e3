import { Module } from '@nestjs/common';
import { RegulationImportService } from './regulation-import.service';
import { RegulationQueryService } from './regulation-query.service';
import { regulationResolvers } from './regulation.resolver';

@Module({
  providers: [RegulationImportService, RegulationQueryService, ...regulationResolvers],
  exports: [RegulationImportService],
})
export class RegulationModule {}
