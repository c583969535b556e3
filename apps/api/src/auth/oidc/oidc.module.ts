import { Module } from '@nestjs/common';
import { MfaKeyStore } from '../mfa-key';
import { ExternalIdentityResolver, ExternalIdentityService } from './external-identity.resolver';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { SignInOptionsResolver } from './sign-in-options.resolver';

/** Single sign-on through an OpenID Connect provider (sessions and audit from AccessModule). */
@Module({
  controllers: [OidcController],
  providers: [
    OidcService,
    SignInOptionsResolver,
    MfaKeyStore,
    ExternalIdentityService,
    ExternalIdentityResolver,
  ],
})
export class OidcModule {}
