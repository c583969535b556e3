import { z } from 'zod';
import { Role } from '../role';

/**
 * Single sign-on through an OpenID Connect provider (政务统一身份认证), from the environment.
 * README "Single sign-on" documents each variable. Off unless OIDC_ISSUER is set.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** The user column the matching claim is compared with. */
export type OidcMatchField = 'username' | 'external_subject';

/**
 * Roles a claim may grant: never an administrator, never one that needs a unit other than the
 * province of a single-province deployment (a PROVINCIAL_SUPERVISOR is bound to the only
 * province; with several, the claim grants nothing and the security administrator binds it).
 * A NATIONAL_SUPERVISOR or AUDITOR granted this way sees the whole country (read-only).
 */
export const OIDC_MAPPABLE_ROLES: readonly Role[] = [
  Role.NATIONAL_SUPERVISOR,
  Role.PROVINCIAL_SUPERVISOR,
  Role.AUDITOR,
];

export const OIDC_ENV = {
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(255).optional(),
  // Unset: a public client (PKCE only, token_endpoint_auth_method none).
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // Unset: this server's own /api/auth/oidc/callback as the request reached it.
  OIDC_REDIRECT_URI: httpUrl.optional(),
  OIDC_SCOPES: z.string().trim().min(1).default('openid profile'),
  OIDC_MATCH_CLAIM: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be a claim name such as sub or preferred_username')
    .default('sub'),
  OIDC_MATCH_FIELD: z.enum(['username', 'external_subject']).default('external_subject'),
  OIDC_PROVISION: booleanFlag.default(false),
  // Off unless set: the claim (a string or an array of strings) whose values OIDC_ROLE_MAP maps.
  OIDC_ROLE_CLAIM: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be a claim name such as groups')
    .optional(),
  // value=ROLE pairs, comma-separated, e.g. sheng-dudao=PROVINCIAL_SUPERVISOR.
  OIDC_ROLE_MAP: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const map: Record<string, Role> = {};
      for (const pair of value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [claimValue, role] = pair.split('=').map((s) => s.trim());
        if (!claimValue || !role || !(OIDC_MAPPABLE_ROLES as string[]).includes(role)) {
          ctx.addIssue({
            code: 'custom',
            message: `must be value=ROLE pairs with ROLE one of ${OIDC_MAPPABLE_ROLES.join(', ')} (got ${pair})`,
          });
          return z.NEVER;
        }
        map[claimValue] = role as Role;
      }
      return map;
    })
    .optional(),
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(40).optional(),
  // Whether signing out also ends the provider's session (when it offers end_session_endpoint).
  OIDC_END_SESSION: booleanFlag.default(true),
  LOCAL_PASSWORD_SIGN_IN: z.enum(['all', 'break-glass']).default('all'),
};

type OidcEnv = z.infer<z.ZodObject<typeof OIDC_ENV>>;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Null: a public client. */
  clientSecret: string | null;
  redirectUri: string | null;
  scopes: string;
  matchClaim: string;
  matchField: OidcMatchField;
  provision: boolean;
  /** Null unless both OIDC_ROLE_CLAIM and OIDC_ROLE_MAP are set. */
  roleMapping: { claim: string; map: Readonly<Record<string, Role>> } | null;
  buttonLabel: string | null;
  endSession: boolean;
  /** Plain http to the provider: only on a loopback address or outside production. */
  allowInsecureHttp: boolean;
}

export interface SignOnConfig {
  /** Null when single sign-on is off. */
  oidc: OidcConfig | null;
  /** break-glass: only administrator accounts flagged break_glass may sign in with a password. */
  localPasswordSignIn: 'all' | 'break-glass';
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function signOnConfigProblems(e: OidcEnv, production: boolean): string[] {
  const problems: string[] = [];
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: needed with OIDC_ISSUER');
  if (!e.OIDC_ISSUER && e.OIDC_CLIENT_ID) problems.push('OIDC_ISSUER: needed with OIDC_CLIENT_ID');
  if (e.OIDC_ISSUER && production) {
    const url = new URL(e.OIDC_ISSUER);
    if (url.protocol !== 'https:' && !isLoopback(url)) {
      problems.push('OIDC_ISSUER: must be an https:// URL in production');
    }
  }
  if (!!e.OIDC_ROLE_CLAIM !== !!e.OIDC_ROLE_MAP) {
    problems.push(
      'OIDC_ROLE_CLAIM and OIDC_ROLE_MAP: set both to map roles from a claim, or neither',
    );
  }
  if (e.LOCAL_PASSWORD_SIGN_IN === 'break-glass' && !e.OIDC_ISSUER) {
    problems.push(
      'LOCAL_PASSWORD_SIGN_IN: break-glass needs single sign-on (OIDC_ISSUER), or only break-glass administrators could sign in',
    );
  }
  return problems;
}

export function signOnConfigFrom(e: OidcEnv, production: boolean): SignOnConfig {
  const oidc: OidcConfig | null =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET ?? null,
          redirectUri: e.OIDC_REDIRECT_URI ?? null,
          scopes: e.OIDC_SCOPES.split(/\s+/).includes('openid')
            ? e.OIDC_SCOPES
            : `openid ${e.OIDC_SCOPES}`,
          matchClaim: e.OIDC_MATCH_CLAIM,
          matchField: e.OIDC_MATCH_FIELD,
          provision: e.OIDC_PROVISION,
          roleMapping:
            e.OIDC_ROLE_CLAIM && e.OIDC_ROLE_MAP
              ? { claim: e.OIDC_ROLE_CLAIM, map: e.OIDC_ROLE_MAP }
              : null,
          buttonLabel: e.OIDC_BUTTON_LABEL ?? null,
          endSession: e.OIDC_END_SESSION,
          allowInsecureHttp: !production || isLoopback(new URL(e.OIDC_ISSUER)),
        }
      : null;
  return { oidc, localPasswordSignIn: e.LOCAL_PASSWORD_SIGN_IN };
}
