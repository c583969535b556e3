import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { UNIT_READERS } from '../access/access-groups';
import { Principal } from '../auth/principal';
import { AdminLevelEnum } from '../duty/dto/duty-enums';
import { DepartmentKindModel } from '../duty/dto/duty.models';
import type { GraphQLContext } from '../graphql/loaders';
import { required } from '../graphql/required';
import { AdminUnitModel, DepartmentModel } from '../user/dto/user.models';
import { AdminUnitService } from './admin-unit.service';

@Resolver(() => AdminUnitModel)
export class AdminUnitResolver {
  constructor(private readonly units: AdminUnitService) {}

  @Access(UNIT_READERS)
  @Query(() => [AdminUnitModel], { description: 'Administrative units within your jurisdiction.' })
  adminUnits(
    @Context() ctx: GraphQLContext,
    @Args('parentCode', { nullable: true }) parentCode?: string,
    @Args('level', { type: () => AdminLevelEnum, nullable: true }) level?: AdminLevelEnum,
  ) {
    // No unit works at the national level (it marks duties of national bodies only).
    if (level === AdminLevelEnum.NATIONAL) return [];
    return this.units.list(ctx.principal as Principal, { parentCode, level });
  }

  @Access(UNIT_READERS)
  @Query(() => [DepartmentModel], {
    description: 'Departments of a unit within your jurisdiction.',
  })
  departments(@Context() ctx: GraphQLContext, @Args('unitCode') unitCode: string) {
    return this.units.departments(ctx.principal as Principal, unitCode, ctx.meta);
  }
}

@Resolver(() => DepartmentModel)
export class DepartmentResolver {
  @ResolveField(() => DepartmentKindModel)
  async kind(@Parent() department: DepartmentModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.departmentKindByCode.load(department.kindCode));
  }
}
