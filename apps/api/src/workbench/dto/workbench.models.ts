import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';

/** The sections of the workbench (工作台); which ones a user gets depends on the role. */
export enum WorkbenchSectionKey {
  /** Operator: tasks returned by the supervisor, with the latest reason. */
  RETURNED_TASKS = 'RETURNED_TASKS',
  /** Operator: past due and neither submitted nor verified. */
  OVERDUE_TASKS = 'OVERDUE_TASKS',
  /** Operator: due today or within the next 14 days, not submitted or verified. */
  DUE_SOON_TASKS = 'DUE_SOON_TASKS',
  /** Supervisor: submissions waiting for review, oldest first. */
  REVIEW_QUEUE = 'REVIEW_QUEUE',
  /** Supervisor: pending extension requests they may decide. */
  EXTENSION_REQUESTS = 'EXTENSION_REQUESTS',
  /** Supervisor: units behind the time-elapsed schedule (the analytics definition). */
  BEHIND_SCHEDULE = 'BEHIND_SCHEDULE',
  /** Operator: 督办单 on their tasks not yet answered (to acknowledge, then answer). */
  URGING_TO_ANSWER = 'URGING_TO_ANSWER',
  /** Operator: tasks their department leads that nobody has acknowledged yet (待签收). */
  AWAITING_ACKNOWLEDGEMENT = 'AWAITING_ACKNOWLEDGEMENT',
  /** Operator: comments and instructions from outside the unit with no later reply from it. */
  UNANSWERED_COMMENTS = 'UNANSWERED_COMMENTS',
  /** Supervisor: 转办 requests they may decide. */
  REASSIGNMENT_REQUESTS = 'REASSIGNMENT_REQUESTS',
  /** Supervisor: 不适用 requests they may decide. */
  NOT_APPLICABLE_REQUESTS = 'NOT_APPLICABLE_REQUESTS',
  /** Supervisor: 督办单 issued in the jurisdiction and not answered yet. */
  URGING_UNANSWERED = 'URGING_UNANSWERED',
  /** Auditor: evidence packs they pulled in the last 30 days. */
  RECENT_PACKS = 'RECENT_PACKS',
  /** Auditor: damaged evidence files, failed storage checks and broken hash chains. */
  INTEGRITY_PROBLEMS = 'INTEGRITY_PROBLEMS',
}
registerEnumType(WorkbenchSectionKey, {
  name: 'WorkbenchSectionKey',
  description: 'A section of the workbench (工作台).',
});

/** What a workbench item stands for (how the web renders it). */
export enum WorkbenchItemKind {
  TASK = 'TASK',
  EXTENSION_REQUEST = 'EXTENSION_REQUEST',
  UNIT = 'UNIT',
  EVIDENCE_PACK = 'EVIDENCE_PACK',
  CORRUPT_EVIDENCE = 'CORRUPT_EVIDENCE',
  STORAGE_CHECK = 'STORAGE_CHECK',
  CHAIN_BREAK = 'CHAIN_BREAK',
  URGING_NOTICE = 'URGING_NOTICE',
  COMMENT = 'COMMENT',
  INSTRUCTION = 'INSTRUCTION',
  REASSIGNMENT_REQUEST = 'REASSIGNMENT_REQUEST',
  NOT_APPLICABLE_REQUEST = 'NOT_APPLICABLE_REQUEST',
}
registerEnumType(WorkbenchItemKind, {
  name: 'WorkbenchItemKind',
  description: 'What a workbench item stands for.',
});

@ObjectType('WorkbenchItem', {
  description:
    'One piece of work. Fields not relevant to the kind are null (e.g. a unit has no task).',
})
export class WorkbenchItemModel {
  @Field(() => ID, { description: 'Unique within the section (task id, request id, unit code…).' })
  id!: string;
  @Field(() => WorkbenchItemKind) kind!: WorkbenchItemKind;
  @Field({ description: 'Web path of the work behind the item (e.g. /tasks/<id>).' }) link!: string;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => String, { nullable: true }) unitCode!: string | null;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field(() => Int, { nullable: true }) articleNumber!: number | null;
  @Field(() => String, { nullable: true }) articleTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The duty subject (职责事项).' })
  dutySubject!: string | null;
  @Field(() => String, { nullable: true, description: '牵头部门' }) departmentName!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The department a 转办 request moves the task to.',
  })
  toDepartmentName!: string | null;
  @Field(() => String, { nullable: true, description: 'A 督办单 number (鄂质督〔2026〕12号).' })
  reference!: string | null;
  @Field(() => String, { nullable: true, description: 'A 督办单 colour: BLUE, ORANGE or RED.' })
  colour!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'A 督办单: acknowledged (签收) already; it still waits for the answer.',
  })
  acknowledged!: boolean | null;
  @Field(() => String, { nullable: true, description: 'Task status.' }) status!: string | null;
  @Field(() => String, { nullable: true, description: 'Due date (YYYY-MM-DD).' }) dueDate!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A second date (YYYY-MM-DD): the requested due date of an extension request, the answer deadline of a 督办单.',
  })
  targetDate!: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When it happened: returned, submitted, requested, pulled, found (by kind); the order of the section.',
  })
  at!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who acted (username).' }) actor!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Text written by a person or the system: the return or extension reason, a file name, the broken table.',
  })
  note!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'A count: tasks of a unit, files of a pack, problems of a storage check.',
  })
  total!: number | null;
  @Field(() => Int, { nullable: true, description: 'Verified tasks of a unit behind schedule.' })
  verified!: number | null;
  @Field(() => Float, { nullable: true, description: 'Completion rate of a unit (0–1).' })
  completionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Expected completion rate today (0–1).' })
  expected!: number | null;
}

@ObjectType('WorkbenchSection', {
  description:
    'One section: how many items there are in all (count = the rows of the full list at `link`) and the first ones.',
})
export class WorkbenchSectionModel {
  @Field(() => WorkbenchSectionKey) key!: WorkbenchSectionKey;
  @Field(() => Int, { description: 'All items of the section (not only those returned).' })
  count!: number;
  @Field(() => [WorkbenchItemModel], { description: 'The first items, in the order of the list.' })
  items!: WorkbenchItemModel[];
  @Field({ description: 'Today in Asia/Shanghai (YYYY-MM-DD), as the section counts it.' })
  today!: string;
  @Field({
    description:
      'Web path of the full list (the task list with its filters, the review queue, the overview, or /workbench/<key>).',
  })
  link!: string;
}

@ObjectType('Workbench', { description: 'The signed-in user’s workbench (工作台).' })
export class WorkbenchModel {
  @Field(() => ID, {
    nullable: true,
    description:
      'The cycle the task sections count (asked for, else the newest open, else newest).',
  })
  cycleId!: string | null;
  @Field(() => String, { nullable: true }) cycleTitle!: string | null;
  @Field({ description: 'Today in Asia/Shanghai (YYYY-MM-DD), as the sections count it.' })
  today!: string;
  @Field(() => [WorkbenchSectionModel], { description: 'The sections of the role, in order.' })
  sections!: WorkbenchSectionModel[];
}
