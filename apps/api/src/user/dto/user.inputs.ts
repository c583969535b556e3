import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '../../auth/role';

@InputType()
export class SignInInput {
  @Field()
  @IsString()
  @MaxLength(100)
  username!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

@InputType()
export class CreateUserInput {
  @Field({ description: '3–64 lower-case letters, digits, . _ -' })
  @IsString()
  @MinLength(3)
  @MaxLength(64)
  username!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @Field({ nullable: true, description: '单位/科室 shown next to the name (≤ 100 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  office?: string;

  @Field({
    nullable: true,
    description: 'Office phone: digits with optional +, spaces, hyphens and 转 extension.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

@InputType({ description: 'Name, office and phone of an account (system administrator).' })
export class UpdateUserProfileInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field()
  @IsString()
  @MaxLength(100)
  displayName!: string;

  @Field({ nullable: true, description: 'Empty or absent clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  office?: string;

  @Field({ nullable: true, description: 'Empty or absent clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

@InputType({ description: 'Role and jurisdiction (one user, one role).' })
export class BindRoleInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => Role)
  @IsIn(Object.values(Role))
  role!: Role;

  @Field({
    nullable: true,
    description:
      'Province for PROVINCIAL_SUPERVISOR (may be omitted when the deployment holds one province); prefecture for PREFECTURE_SUPERVISOR; province, prefecture or none for AUDITOR; county-level unit for COUNTY_OPERATOR; none for NATIONAL_SUPERVISOR and administrators.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  unitCode?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Department of that unit, COUNTY_OPERATOR only.',
  })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Province codes (XX0000) a NATIONAL_SUPERVISOR or an AUDITOR without a unit is limited to; empty or absent: the whole country. Other roles: must be empty.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @MaxLength(12, { each: true })
  scopeProvinceCodes?: string[];
}

@InputType()
export class UserFilterInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Role))
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
