import { Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../access/access.decorator';
import { TASK_READERS } from '../../task/task-scope';
import { HistoryImportService } from './history-import.service';

@ObjectType('AssessmentHistoryImport', {
  description:
    'Imported history: one earlier year’s results brought in from a workbook (append-only, one per year).',
})
export class HistoryImportModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field() sourceFileName!: string;
  @Field() sourceSha256!: string;
  @Field(() => Int, { description: 'Rows stored (unit totals and indicator rows).' })
  rowCount!: number;
  @Field(() => Int) unitCount!: number;
  @Field() importedBy!: string;
  @Field(() => GraphQLISODateTime) importedAt!: Date;
}

@Resolver()
export class HistoryImportResolver {
  constructor(private readonly service: HistoryImportService) {}

  @Access(TASK_READERS)
  @Query(() => [HistoryImportModel], {
    description:
      'Years of imported history (历年结果导入), newest first; imports go through POST /api/assessment/history-import.',
  })
  assessmentHistoryImports() {
    return this.service.imports();
  }
}
