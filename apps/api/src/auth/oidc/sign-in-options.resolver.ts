import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { Access, PUBLIC } from '../../access/access.decorator';
import { APP_CONFIG, AppConfig } from '../../config/config';

export enum PasswordSignInMode {
  ALL = 'ALL',
  BREAK_GLASS = 'BREAK_GLASS',
}

registerEnumType(PasswordSignInMode, {
  name: 'PasswordSignInMode',
  valuesMap: {
    ALL: { description: '所有账户均可使用本地密码登录' },
    BREAK_GLASS: { description: '仅标记为应急（break-glass）的管理员账户可使用本地密码登录' },
  },
});

@ObjectType('SignInOptions', { description: 'How people can sign in: shown on the sign-in page.' })
export class SignInOptionsModel {
  @Field({ description: 'Single sign-on through the OIDC provider is configured.' })
  oidcEnabled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Where the 统一身份认证登录 button goes (GET, a browser redirect); null when off.',
  })
  oidcLoginPath!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The button label configured by OIDC_BUTTON_LABEL; null: the default label.',
  })
  oidcButtonLabel!: string | null;

  @Field(() => PasswordSignInMode, { description: 'Who may still sign in with a password.' })
  passwordSignIn!: PasswordSignInMode;
}

@Resolver(() => SignInOptionsModel)
export class SignInOptionsResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Access(PUBLIC)
  @Query(() => SignInOptionsModel, { description: 'Sign-in methods, for the sign-in page.' })
  signInOptions(): SignInOptionsModel {
    const { oidc, localPasswordSignIn } = this.config.signOn;
    return {
      oidcEnabled: oidc !== null,
      oidcLoginPath: oidc ? '/api/auth/oidc/login' : null,
      oidcButtonLabel: oidc?.buttonLabel ?? null,
      passwordSignIn:
        localPasswordSignIn === 'break-glass'
          ? PasswordSignInMode.BREAK_GLASS
          : PasswordSignInMode.ALL,
    };
  }
}
