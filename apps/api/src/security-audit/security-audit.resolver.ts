import { Args, Field, GraphQLISODateTime, InputType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Access } from '../access/access.decorator';
import { Role } from '../auth/role';
import { PageInput } from '../duty/dto/duty.inputs';
import { SecurityAuditPageModel } from '../user/dto/user.models';
import { SecurityAuditEntry } from './security-audit-entry.entity';
import { containsPattern, offsetPage } from '../common/query-helpers';
import { AppUser } from '../user/user.entity';

@InputType()
export class SecurityAuditFilterInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  action?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied'])
  result?: string;

  @Field({ nullable: true, description: 'Exactly this username (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actorUsername?: string;

  @Field({
    nullable: true,
    description:
      'Part of the actor’s display name or username (e.g. 张明辉, 张 or enshi): what a person types.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@Resolver()
export class SecurityAuditResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Access([Role.AUDIT_ADMIN])
  @Query(() => SecurityAuditPageModel, {
    description: 'The security audit log, newest first (audit administrators).',
  })
  async securityAuditLog(
    @Args('filter', { type: () => SecurityAuditFilterInput, nullable: true })
    filter?: SecurityAuditFilterInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ) {
    const q = this.dataSource
      .getRepository(SecurityAuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC');
    if (filter?.action) q.andWhere('a.action = :action', { action: filter.action });
    if (filter?.result) q.andWhere('a.result = :result', { result: filter.result });
    if (filter?.actorUsername)
      q.andWhere('a.actor_username = :who', { who: filter.actorUsername.toLowerCase() });
    if (filter?.actor?.trim()) {
      // By name as people know each other, or by (part of) the username. Usernames are unique,
      // so the join adds no rows; entries of unknown names (a failed sign-in) match by username.
      q.leftJoin(AppUser, 'u', 'u.username = a.actor_username').andWhere(
        '(a.actor_username ILIKE :actorLike OR u.display_name ILIKE :actorLike)',
        { actorLike: containsPattern(filter.actor) },
      );
    }
    if (filter?.from) q.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter?.to) q.andWhere('a.occurred_at < :to', { to: filter.to });
    return offsetPage(q, page ?? { first: 100, offset: 0 });
  }
}
