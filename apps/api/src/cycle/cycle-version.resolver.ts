import { Args, Context, Field, ID, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { CycleModel, GenerationModel } from '../task/dto/task.models';
import { CycleVersionService } from './cycle-version.service';

@ObjectType('CycleVersionMove', { description: 'What moving a cycle to a newer version did.' })
export class CycleVersionMoveModel {
  @Field(() => CycleModel) cycle!: CycleModel;

  @Field(() => Int, {
    description:
      'Tasks now pointing at their duty’s successor (status, history and evidence kept).',
  })
  followed!: number;

  @Field(() => GenerationModel, {
    description:
      'Tasks created for newly tracked duties, retired (no successor, or no longer tracked) and restored.',
  })
  generation!: GenerationModel;
}

@Resolver()
export class CycleVersionResolver {
  constructor(private readonly cycleVersions: CycleVersionService) {}

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => CycleVersionMoveModel, {
    description:
      'Moves an open cycle to a newer version of its regulation: tasks follow their duty’s lineage; tasks of duties that do not continue are retired. Refused (CONFLICT, details.reason DUTY_MAPPINGS_PENDING with the count) while mapping suggestions of the new version are pending.',
  })
  async moveCycleToVersion(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('versionId', { type: () => ID }) versionId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<CycleVersionMoveModel> {
    const { cycle, generation } = await this.cycleVersions.move(
      ctx.principal as Principal,
      cycleId,
      versionId,
    );
    return { cycle, followed: generation.followed, generation };
  }
}
