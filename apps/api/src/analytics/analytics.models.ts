import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AdminUnitModel } from '../user/dto/user.models';

export enum AnalyticsDimension {
  CHAPTER = 'CHAPTER',
  ARTICLE = 'ARTICLE',
  DEPARTMENT_KIND = 'DEPARTMENT_KIND',
}
registerEnumType(AnalyticsDimension, {
  name: 'AnalyticsDimension',
  description: 'How analyticsBreakdown groups the tasks.',
  valuesMap: {
    CHAPTER: { description: '按章：key 为章序号，label 为章标题' },
    ARTICLE: { description: '按条：key 为条序号，label 为“第N条”' },
    DEPARTMENT_KIND: {
      description:
        '按牵头部门类别：key 为部门类别代码，label 为类别名称（只按牵头部门计，各行之和等于总数）',
    },
  },
});

const TASKS =
  'Tasks counted: the non-retired tasks of the cycle in the scope (and in your jurisdiction; a county operator counts the tasks of their unit that their department leads or assists).';
const COMPLETION =
  'completionRate = verified ÷ tasks, rounded to 4 decimals; 0 when there are no tasks.';
const SUBMISSION =
  'submissionRate = (submitted + verified) ÷ tasks, rounded to 4 decimals; 0 when there are no tasks.';
const OVERDUE =
  'Overdue: due date before today (Asia/Shanghai) and status neither SUBMITTED nor VERIFIED.';
const EVIDENCE =
  'Current evidence files of the counted tasks (neither withdrawn nor superseded by a new version).';

@ObjectType('AnalyticsFigures', {
  description: `Counters and rates over a set of tasks. ${TASKS}`,
})
export class AnalyticsFiguresModel {
  @Field(() => Int, { description: '任务数' }) tasks!: number;
  @Field(() => Int, { description: '已核验 (VERIFIED)' }) verified!: number;
  @Field(() => Int, { description: '已提交待核验 (SUBMITTED)' }) submitted!: number;
  @Field(() => Int, { description: '推进中 (IN_PROGRESS)' }) inProgress!: number;
  @Field(() => Int, { description: '未开始 (NOT_STARTED)' }) notStarted!: number;
  @Field(() => Int, { description: '已退回 (RETURNED)' }) returned!: number;
  @Field(() => Int, { description: OVERDUE }) overdue!: number;
  @Field(() => Int, { description: EVIDENCE }) evidenceCount!: number;
  @Field(() => Float, { description: COMPLETION }) completionRate!: number;
  @Field(() => Float, { description: SUBMISSION }) submissionRate!: number;
}

@ObjectType('AnalyticsSummary', {
  description: `Figures for one scope: the whole jurisdiction, a prefecture with its units, or one unit alone. ${TASKS}`,
})
export class AnalyticsSummaryModel extends AnalyticsFiguresModel {
  @Field(() => Int, {
    description:
      'Units of the scope (with ≥ 1 task) behind schedule today at the default threshold 0.7: see behindSchedule (each unit’s own tasks).',
  })
  unitsBehindSchedule!: number;
  @Field(() => Int, { description: 'Days from today (Asia/Shanghai) to the cycle due date, ≥ 0.' })
  daysLeft!: number;
  @Field(() => Float, {
    description:
      'clamp((today − start date) ÷ (due date − start date), 0, 1), rounded to 4 decimals.',
  })
  elapsedFraction!: number;
  @Field(() => Int, {
    description:
      '不适用: tasks of the scope approved as not applicable to their unit; they are left out of every figure above.',
  })
  notApplicableTasks!: number;
}

@ObjectType('UnitAnalytics', {
  description: `One unit: counters and rates over the unit’s OWN tasks (its government and departments). ${TASKS}`,
})
export class UnitAnalyticsModel extends AnalyticsFiguresModel {
  @Field(() => AdminUnitModel) unit!: AdminUnitModel;
  @Field(() => AnalyticsFiguresModel, {
    nullable: true,
    description:
      'Prefectures only: the prefecture’s own tasks plus those of the units under it (null for other levels).',
  })
  withChildren!: AnalyticsFiguresModel | null;
}

@ObjectType('BreakdownRow', { description: `One group of analyticsBreakdown. ${TASKS}` })
export class BreakdownRowModel {
  @Field({ description: 'Chapter number, article number or department kind code, as a string.' })
  key!: string;
  @Field({ description: 'Chapter title, 第N条, or department kind name.' }) label!: string;
  @Field(() => Int) tasks!: number;
  @Field(() => Int) verified!: number;
  @Field(() => Int) submitted!: number;
  @Field(() => Int, { description: OVERDUE }) overdue!: number;
  @Field(() => Int, { description: EVIDENCE }) evidenceCount!: number;
  @Field(() => Float, { description: COMPLETION }) completionRate!: number;
  @Field(() => Float, { description: SUBMISSION }) submissionRate!: number;
}

@ObjectType('MatrixCell', {
  description:
    'One chapter × unit cell of the heatmap. A prefecture’s cell includes the tasks of the units under it. Every unit appears for every chapter that has tasks in the scope (empty cells have tasks = 0, completionRate = 0).',
})
export class MatrixCellModel {
  @Field(() => Int, { description: 'Chapter number.' }) chapter!: number;
  @Field({ description: 'Chapter title.' }) chapterTitle!: string;
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field(() => Int) tasks!: number;
  @Field(() => Int) verified!: number;
  @Field(() => Float, { description: COMPLETION }) completionRate!: number;
}

@ObjectType('TrendPoint', {
  description:
    'One calendar day (Asia/Shanghai). verified = tasks whose status at the END of that day was VERIFIED according to the task history (status events), so past days keep their value after later changes; tasks = the CURRENT number of non-retired tasks of the scope (the same on every point).',
})
export class TrendPointModel {
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => Int) verified!: number;
  @Field(() => Int) tasks!: number;
  @Field(() => Float, { description: 'verified ÷ tasks, 4 decimals; 0 when there are no tasks.' })
  completionRate!: number;
}

@ObjectType('BehindScheduleRow', {
  description:
    'A unit (with ≥ 1 own task) whose completionRate < threshold × elapsedFraction (strictly: equal is on schedule).',
})
export class BehindScheduleRowModel {
  @Field(() => AdminUnitModel) unit!: AdminUnitModel;
  @Field(() => Int) tasks!: number;
  @Field(() => Int) verified!: number;
  @Field(() => Float, { description: 'The unit’s own tasks: verified ÷ tasks, 4 decimals.' })
  completionRate!: number;
  @Field(() => Float, { description: 'threshold × elapsedFraction, 4 decimals.' })
  expected!: number;
  @Field(() => Float, { description: 'expected − completionRate (> 0), 4 decimals.' })
  gap!: number;
}

@ObjectType('AnalyticsRanking', {
  description:
    'Units of one level with ≥ 1 task, ranked by completionRate of their own tasks (ties by unit code).',
})
export class AnalyticsRankingModel {
  @Field(() => [UnitAnalyticsModel], { description: 'Highest completion first.' })
  top!: UnitAnalyticsModel[];
  @Field(() => [UnitAnalyticsModel], { description: 'Lowest completion first.' })
  bottom!: UnitAnalyticsModel[];
}
