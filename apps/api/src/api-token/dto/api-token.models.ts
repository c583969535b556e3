import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AdminUnitModel } from '../../user/dto/user.models';
import { API_TOKEN_SCOPES } from '../api-token.entity';

export enum ApiTokenScope {
  ANALYTICS_READ = 'ANALYTICS_READ',
  EVIDENCE_METADATA_READ = 'EVIDENCE_METADATA_READ',
}
registerEnumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description: 'What a machine API token may read (read-only, always within its bound unit).',
  valuesMap: {
    ANALYTICS_READ: {
      description: '读取统计分析：GET /api/v1/analytics/summary、/api/v1/analytics/units',
    },
    EVIDENCE_METADATA_READ: {
      description: '读取佐证材料元数据（不含文件内容）：GET /api/v1/evidence',
    },
  },
});

export enum ApiTokenStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiTokenStatus, {
  name: 'ApiTokenStatus',
  valuesMap: {
    ACTIVE: { description: '有效' },
    EXPIRED: { description: '已过期' },
    REVOKED: { description: '已吊销' },
  },
});

/** Longest validity a token may be given. */
export const MAX_API_TOKEN_DAYS = 366;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
export const MAX_RATE_LIMIT_PER_MINUTE = 600;

@InputType()
export class IssueApiTokenInput {
  @Field({ description: 'A name unique among active tokens, e.g. the system that will use it.' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @Field(() => [ApiTokenScope])
  @ArrayNotEmpty()
  @ArrayMaxSize(API_TOKEN_SCOPES.length)
  @IsIn(API_TOKEN_SCOPES, { each: true })
  scopes!: ApiTokenScope[];

  @Field(() => ID, {
    description:
      'The code of the unit the token is bound to: it reads that unit and the units under it only.',
  })
  @IsString()
  @MaxLength(12)
  unitId!: string;

  @Field(() => GraphQLISODateTime, {
    description: `Required; in the future and at most ${MAX_API_TOKEN_DAYS} days away.`,
  })
  @IsDate()
  expiresAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: `Requests per minute (a token bucket of that size refilled over a minute); default ${DEFAULT_RATE_LIMIT_PER_MINUTE}, 1–${MAX_RATE_LIMIT_PER_MINUTE}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE_LIMIT_PER_MINUTE)
  rateLimitPerMinute?: number | null;
}

@ObjectType('ApiToken', {
  description:
    'A machine API token (机器访问令牌). The token itself is shown only once, when issued; only its SHA-256 is stored.',
})
export class ApiTokenModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({
    description: 'The start of the token (`dtk_<public id>`), to recognise it; not a secret.',
  })
  tokenPrefix!: string;
  @Field(() => [ApiTokenScope]) scopes!: ApiTokenScope[];
  @Field(() => AdminUnitModel, { description: 'The unit whose subtree the token may read.' })
  unit!: AdminUnitModel;
  @Field(() => Int) rateLimitPerMinute!: number;
  @Field(() => ApiTokenStatus) status!: ApiTokenStatus;
  @Field({ description: 'Username of the security administrator who issued it.' })
  createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Int, {
    description: 'Requests admitted (valid, in scope, within the rate limit).',
  })
  useCount!: number;
}

@ObjectType('IssuedApiToken')
export class IssuedApiTokenModel {
  @Field({
    description:
      'The token (`dtk_…`), shown this once and never again: send it as `Authorization: Bearer <token>`.',
  })
  token!: string;
  @Field(() => ApiTokenModel) apiToken!: ApiTokenModel;
}
