import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsUUID, Matches } from 'class-validator';

@ObjectType('RegenerationDutyChange', {
  description: 'One duty whose tasks a regeneration would add, retire or restore.',
})
export class RegenerationDutyChangeModel {
  @Field(() => ID) dutyId!: string;
  @Field(() => ID) lineageId!: string;
  @Field(() => Int) articleNumber!: number;
  @Field({ description: 'The duty as the regulation states it.' }) text!: string;
  @Field(() => Int, { description: 'Tasks concerned, one per unit.' }) tasks!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Why the tasks retire (as their history will record it); null otherwise.',
  })
  reason!: string | null;
}

@ObjectType('RegenerationLeadChange', {
  description:
    "Tasks of one duty whose lead department (牵头部门) a regeneration would move to the duty's reviewed lead.",
})
export class RegenerationLeadChangeModel {
  @Field(() => ID) dutyId!: string;
  @Field(() => ID) lineageId!: string;
  @Field(() => Int) articleNumber!: number;
  @Field({ description: 'The duty as the regulation states it.' }) text!: string;
  @Field({ description: 'The kind of department leading the tasks now, e.g. 市场监督管理.' })
  fromDepartment!: string;
  @Field({ description: "The duty's reviewed lead department kind the tasks move to." })
  toDepartment!: string;
  @Field(() => Int, { description: 'Tasks concerned, one per unit.' }) tasks!: number;
}

@ObjectType('CycleRegenerationPreview', {
  description:
    'What regenerateCycleTasks would do now, computed by the same rules without writing anything.',
})
export class CycleRegenerationPreviewModel {
  @Field(() => ID) cycleId!: string;
  @Field(() => Int, { description: "Tasks that would follow their duty's successor version." })
  followed!: number;
  @Field(() => Int, {
    description: "Tasks whose lead department would follow their duty's reviewed lead.",
  })
  leadsFollowed!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) retired!: number;
  @Field(() => Int) restored!: number;
  @Field(() => Int, { description: 'Active tasks of the cycle afterwards.' }) total!: number;
  @Field(() => [RegenerationDutyChangeModel]) added!: RegenerationDutyChangeModel[];
  @Field(() => [RegenerationDutyChangeModel]) retiring!: RegenerationDutyChangeModel[];
  @Field(() => [RegenerationDutyChangeModel]) restoring!: RegenerationDutyChangeModel[];
  @Field(() => [RegenerationLeadChangeModel], {
    description:
      'Lead department changes by duty (after reviews changed a lead); verified tasks and tasks a person reassigned (转办) stay where they are.',
  })
  leadChanges!: RegenerationLeadChangeModel[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: "A due date for one duty's tasks, overriding the cycle's default." })
export class CycleDutyDueDateInput {
  @Field(() => ID) @IsUUID() dutyLineageId!: string;
  @Field() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD。' }) dueDate!: string;
}

@ObjectType('CycleDutyDueDate', {
  description:
    "A duty's own due date in a cycle (按职责设置的截止日期), overriding the cycle's due date for its tasks.",
})
export class CycleDutyDueDateModel {
  @Field(() => ID) dutyLineageId!: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate!: string;
  @Field(() => ID, {
    nullable: true,
    description: "The duty of the cycle's version with this lineage; null if the version has none.",
  })
  dutyId!: string | null;
  @Field(() => Int, { nullable: true }) articleNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'The duty as the regulation states it.' })
  text!: string | null;
  @Field(() => Int, { description: 'Active tasks of the duty in the cycle (all units).' })
  tasks!: number;
  @Field(() => Int, {
    description: 'Of those, tasks with an approved extension: they keep their own due date.',
  })
  extended!: number;
}
