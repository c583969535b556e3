import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { BulletinService } from './bulletin.service';
import { toBulletinModel } from './bulletin.mapper';
import {
  BulletinFilterInput,
  BulletinGoodPracticeCandidateModel,
  BulletinModel,
  GenerateBulletinInput,
  UpdateBulletinDraftInput,
} from './dto/bulletin.models';

/** Who compiles and publishes bulletins: the supervisors, each for their own scope. */
export const BULLETIN_EDITORS = [Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR] as const;
/** Who reads them: also auditors and county operators (published bulletins covering them). */
export const BULLETIN_READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
  Role.COUNTY_OPERATOR,
] as const;

const principalOf = (ctx: GraphQLContext) => ctx.principal as Principal;

@Resolver(() => BulletinModel)
export class BulletinResolver {
  constructor(private readonly service: BulletinService) {}

  @Access(BULLETIN_READERS)
  @Query(() => [BulletinModel], {
    description:
      '情况通报 you may read, newest period first (at most 200): supervisors their drafts and bulletins; auditors and county operators the published bulletins whose scope covers them.',
  })
  async bulletins(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => BulletinFilterInput, nullable: true })
    filter?: BulletinFilterInput | null,
  ): Promise<BulletinModel[]> {
    return (await this.service.list(principalOf(ctx), filter ?? {})).map(toBulletinModel);
  }

  @Access(BULLETIN_READERS)
  @Query(() => BulletinModel, { description: 'One bulletin; NOT_FOUND outside what you may read.' })
  async bulletin(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BulletinModel> {
    return toBulletinModel(await this.service.get(principalOf(ctx), id));
  }

  @Access(BULLETIN_EDITORS)
  @Query(() => [BulletinGoodPracticeCandidateModel], {
    description:
      'Verified tasks of the scope and cycle to pick as good practice (newest first, at most 200).',
  })
  bulletinGoodPracticeCandidates(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('scopeUnitCode', { type: () => String, nullable: true }) scopeUnitCode?: string | null,
  ): Promise<BulletinGoodPracticeCandidateModel[]> {
    return this.service.candidates(principalOf(ctx), cycleId, scopeUnitCode);
  }

  @Access(BULLETIN_EDITORS)
  @Mutation(() => BulletinModel, {
    description:
      'Generates the period’s bulletin as a draft (figures as of the period end, or today within the period), or regenerates the existing draft keeping its texts. CONFLICT once published.',
  })
  async generateBulletin(
    @Context() ctx: GraphQLContext,
    @Args('input') input: GenerateBulletinInput,
  ): Promise<BulletinModel> {
    return toBulletinModel(await this.service.generate(principalOf(ctx), input));
  }

  @Access(BULLETIN_EDITORS)
  @Mutation(() => BulletinModel, { description: 'Edits a draft’s texts and good practice picks.' })
  async updateBulletinDraft(
    @Context() ctx: GraphQLContext,
    @Args('input') input: UpdateBulletinDraftInput,
  ): Promise<BulletinModel> {
    return toBulletinModel(await this.service.updateDraft(principalOf(ctx), input));
  }

  @Access(BULLETIN_EDITORS)
  @Mutation(() => BulletinModel, {
    description:
      'Publishes a draft: number and date fixed, DOCX written once with its SHA-256, operators of the units in scope notified. A published bulletin never changes.',
  })
  async publishBulletin(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedRowVersion', { type: () => Int }) expectedRowVersion: number,
  ): Promise<BulletinModel> {
    return toBulletinModel(await this.service.publish(principalOf(ctx), id, expectedRowVersion));
  }

  @Access(BULLETIN_EDITORS)
  @Mutation(() => Boolean, {
    description: 'Deletes a draft (a published bulletin cannot be deleted).',
  })
  deleteBulletinDraft(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedRowVersion', { type: () => Int }) expectedRowVersion: number,
  ): Promise<boolean> {
    return this.service.deleteDraft(principalOf(ctx), id, expectedRowVersion);
  }
}
