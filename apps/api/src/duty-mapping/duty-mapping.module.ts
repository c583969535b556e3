import { Module } from '@nestjs/common';
import { DutyMappingResolver } from './duty-mapping.resolver';
import { DutyMappingService } from './duty-mapping.service';

/** The review queue of suggested duty mappings between versions (映射审核). */
@Module({
  providers: [DutyMappingService, DutyMappingResolver],
})
export class DutyMappingModule {}
