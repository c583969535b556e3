import { Field, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
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

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Confirms importing a text whose title differs from the stored title of this regulation code (e.g. renamed on amendment). Without it such an import fails with VALIDATION_FAILED on field "title".',
  })
  @IsOptional()
  @IsBoolean()
  confirmTitleChange?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      '牵头协调部门: the department kind code (see departmentKinds) suggested as lead where the text names no department and has no competent-department clause; kept for later versions. Omit to keep the stored one.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z_]{1,48}$/, { message: '牵头协调部门代码无效。' })
  coordinatingDepartment?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The province (XX0000) owning a new regulation (a provincial regulation); omit for a national one (全国通用). A provincial supervisor's imports are always their province's (another is FORBIDDEN); an existing regulation keeps its owner (another is VALIDATION_FAILED).",
  })
  @IsOptional()
  @Matches(/^[1-9]\d0000$/, { message: '省份代码无效。' })
  ownerProvinceCode?: string | null;
}
