import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RegulationVersionStatusEnum } from './regulation-enums';

@InputType()
export class ImportRegulationInput {
  @Field({ description: 'Stable regulation code, e.g. hubei-quality-promotion.' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/, {
    message: '法规代码只能使用小写字母、数字和连字符（3–100 个字符）。',
  })
  code!: string;

  @Field({ description: 'The full regulation text.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000_000)
  text!: string;

  @Field(() => RegulationVersionStatusEnum, { defaultValue: RegulationVersionStatusEnum.DRAFT })
  @IsIn(Object.values(RegulationVersionStatusEnum))
  status: RegulationVersionStatusEnum = RegulationVersionStatusEnum.DRAFT;

  @Field(() => String, { nullable: true, description: '施行日期 YYYY-MM-DD.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '施行日期应为 YYYY-MM-DD 格式。' })
  effectiveDate?: string | null;
}
