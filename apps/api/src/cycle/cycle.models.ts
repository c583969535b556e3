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

@ObjectType('CycleRegenerationPreview', {
  description:
    'What regenerateCycleTasks would do now, computed by the same rules without writing anything.',
})
export class CycleRegenerationPreviewModel {
  @Field(() => ID) cycleId!: string;
  @Field(() => Int, { description: "Tasks that would follow their duty's successor version." })
  followed!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) retired!: number;
  @Field(() => Int) restored!: number;
  @Field(() => Int, { description: 'Active tasks of the cycle afterwards.' }) total!: number;
  @Field(() => [RegenerationDutyChangeModel]) added!: RegenerationDutyChangeModel[];
  @Field(() => [RegenerationDutyChangeModel]) retiring!: RegenerationDutyChangeModel[];
  @Field(() => [RegenerationDutyChangeModel]) restoring!: RegenerationDutyChangeModel[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: "A due date for one duty's tasks, overriding the cycle's default." })
export class CycleDutyDueDateInput {
  @Field(() => ID) @IsUUID() dutyLineageId!: string;
  @Field() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD。' }) dueDate!: string;
}
