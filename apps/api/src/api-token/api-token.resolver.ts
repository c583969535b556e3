import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { ApiTokenService } from './api-token.service';
import { ApiTokenModel, IssueApiTokenInput, IssuedApiTokenModel } from './dto/api-token.models';

/**
 * Machine API tokens are credentials: issuing and revoking them is security administration
 * (三权分立), never the system administrator's or a business role's.
 */
const TOKEN_ADMINS = [Role.SECURITY_ADMIN] as const;

@Resolver(() => ApiTokenModel)
export class ApiTokenResolver {
  constructor(private readonly tokens: ApiTokenService) {}

  @Access(TOKEN_ADMINS)
  @Query(() => [ApiTokenModel], {
    description: 'Machine API tokens, newest first (security administrators).',
  })
  apiTokens() {
    return this.tokens.list();
  }

  @Access(TOKEN_ADMINS)
  @Mutation(() => IssuedApiTokenModel, {
    description:
      'Issues a machine API token (security administrators). The token is in this answer only; it is stored as its SHA-256.',
  })
  issueApiToken(@Args('input') input: IssueApiTokenInput, @Context() ctx: GraphQLContext) {
    return this.tokens.issue(ctx.principal as Principal, input, ctx.meta);
  }

  @Access(TOKEN_ADMINS)
  @Mutation(() => ApiTokenModel, {
    description: 'Revokes a token at once (security administrators); revoking again is a no-op.',
  })
  revokeApiToken(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return this.tokens.revoke(ctx.principal as Principal, id, ctx.meta);
  }
}
