import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashPassword } from '@duty/api/passwords';
import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { ROOT_LOGGER } from '../../logging/logging.constants';
import { AuditAction, SecurityAuditService } from '../../security-audit/security-audit.service';
import { isSystemActor } from '../../user/person';
import { AppUser } from '../../user/user.entity';
import { normalizeUsername } from '../auth.service';
import { Clock, CLOCK } from '../clock';
import { MfaKeyStore } from '../mfa-key';
import type { RequestMeta } from '../principal';
import { Role } from '../role';
import { SessionService } from '../session.service';
import type { OidcConfig } from './oidc-config';
import { loginStateKey, OidcLoginState, openLoginState, sealLoginState } from './oidc-login-state';
import type { Logger } from 'pino';

/**
 * Why a single sign-on was refused: a stable code in the redirect to the sign-in page (which
 * shows it in Chinese) and in the security audit log.
 */
export const OidcErrorCode = {
  /** OIDC_ISSUER is not set. */
  NotConfigured: 'OIDC_NOT_CONFIGURED',
  /** The provider's discovery document or keys could not be fetched. */
  ProviderUnavailable: 'OIDC_PROVIDER_UNAVAILABLE',
  /** The callback does not belong to a sign-in begun here (state, expired or missing cookie). */
  StateInvalid: 'OIDC_STATE_INVALID',
  /** The provider answered with an error (the person cancelled, or was refused there). */
  ProviderRefused: 'OIDC_PROVIDER_REFUSED',
  /** The code exchange or the ID token check failed (signature, issuer, audience, nonce…). */
  TokenInvalid: 'OIDC_TOKEN_INVALID',
  /** The matching claim is not among the provider's claims. */
  ClaimMissing: 'OIDC_CLAIM_MISSING',
  /** No account matches and provisioning is off. */
  AccountNotFound: 'OIDC_ACCOUNT_NOT_FOUND',
  AccountDisabled: 'OIDC_ACCOUNT_DISABLED',
  /** A new account could not be created (e.g. its name is taken by another account). */
  ProvisionFailed: 'OIDC_PROVISION_FAILED',
} as const;
export type OidcErrorCode = (typeof OidcErrorCode)[keyof typeof OidcErrorCode];

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'OidcSignInError';
  }
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const CLAIM_VALUE_MAX = 255;

/** A claim as text: strings and numbers only (an ID-card number may come as either). */
function claimText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The user column the claim is compared with, as stored. */
function matchValue(config: OidcConfig, claim: string): string {
  return config.matchField === 'username' ? normalizeUsername(claim) : claim;
}

/**
 * Single sign-on through an OpenID Connect provider: authorization code flow with PKCE (S256),
 * state and nonce, the ID token checked by openid-client (signature against the provider's
 * keys, issuer, audience, expiry, nonce). The person is matched to an account by a configured
 * claim, or provisioned without role or jurisdiction; the security administrator binds those.
 */
@Injectable()
export class OidcService {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly sessions: SessionService,
    private readonly audit: SecurityAuditService,
    private readonly keys: MfaKeyStore,
  ) {}

  get settings(): OidcConfig | null {
    return this.config.signOn.oidc;
  }

  private requireSettings(): OidcConfig {
    const settings = this.settings;
    if (!settings) throw new OidcSignInError(OidcErrorCode.NotConfigured, 'not_configured');
    return settings;
  }

  /** The provider's metadata, fetched once (again after a failure). */
  private discover(): Promise<oidc.Configuration> {
    const settings = this.requireSettings();
    this.configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret ? { client_secret: settings.clientSecret } : undefined,
        settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
        {
          timeout: 10,
          ...(settings.allowInsecureHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        this.configuration = null;
        this.logger.warn({ err: error, issuer: settings.issuer }, 'OIDC discovery failed');
        throw new OidcSignInError(OidcErrorCode.ProviderUnavailable, 'discovery_failed');
      });
    return this.configuration;
  }

  private async stateKey(): Promise<Buffer> {
    return loginStateKey(await this.keys.get());
  }

  /** Starts a sign-in: the provider's authorization URL and the sealed state for the cookie. */
  async begin(redirectUri: string): Promise<{ url: string; sealedState: string }> {
    const settings = this.requireSettings();
    const configuration = await this.discover();
    const state: OidcLoginState = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      redirectUri,
      startedAt: this.clock.now().getTime(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: settings.scopes,
      response_type: 'code',
      state: state.state,
      nonce: state.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(state.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, sealedState: sealLoginState(state, await this.stateKey()) };
  }

  /**
   * Finishes a sign-in at the callback: checks the answer against the sealed state, exchanges
   * the code, matches or provisions the account and opens a session. Every outcome is audited.
   */
  async finish(query: string, sealedState: string | undefined, meta: RequestMeta) {
    try {
      return await this.signIn(query, sealedState, meta);
    } catch (error) {
      const refusal =
        error instanceof OidcSignInError
          ? error
          : new OidcSignInError(OidcErrorCode.TokenInvalid, 'unexpected');
      if (!(error instanceof OidcSignInError)) {
        this.logger.warn({ err: error }, 'OIDC sign-in failed');
      }
      const subject = (error as { subject?: string }).subject;
      await this.audit.record({
        action: AuditAction.OidcSignIn,
        result: 'failure',
        actorUsername: subject ? subject.slice(0, 64) : null,
        ip: meta.ip,
        detail: { code: refusal.code, reason: refusal.reason },
      });
      throw refusal;
    }
  }

  private async signIn(query: string, sealedState: string | undefined, meta: RequestMeta) {
    const settings = this.requireSettings();
    const state = openLoginState(sealedState, await this.stateKey(), this.clock.now().getTime());
    if (!state) throw new OidcSignInError(OidcErrorCode.StateInvalid, 'no_login_state');
    // The URL the provider redirected to, as registered: openid-client sends it back as
    // redirect_uri with the code.
    const callbackUrl = new URL(state.redirectUri);
    callbackUrl.search = query;
    const returned = callbackUrl.searchParams.get('state');
    if (returned !== state.state) {
      throw new OidcSignInError(OidcErrorCode.StateInvalid, 'state_mismatch');
    }
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) {
      throw new OidcSignInError(
        OidcErrorCode.ProviderRefused,
        providerError.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60) || 'error',
      );
    }
    const configuration = await this.discover();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: state.codeVerifier,
        expectedState: state.state,
        expectedNonce: state.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = { ...idClaims };
      // Providers that keep profile claims out of the ID token give them at userinfo.
      if (
        claimText(claims[settings.matchClaim]) === null ||
        (settings.roleMapping && claims[settings.roleMapping.claim] === undefined)
      ) {
        if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
          const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
          claims = { ...info, ...idClaims, ...pick(info, settings) };
        }
      }
    } catch (error) {
      if (error instanceof OidcSignInError) throw error;
      this.logger.warn({ err: error }, 'OIDC code exchange or ID token check failed');
      const code = (error as { code?: string }).code;
      throw new OidcSignInError(
        OidcErrorCode.TokenInvalid,
        typeof code === 'string' ? code.slice(0, 60) : 'token_check_failed',
      );
    }

    const claimValue = claimText(claims[settings.matchClaim]);
    if (!claimValue || claimValue.length > CLAIM_VALUE_MAX) {
      throw new OidcSignInError(OidcErrorCode.ClaimMissing, `claim_${settings.matchClaim}`);
    }
    const users = this.dataSource.getRepository(AppUser);
    const value = matchValue(settings, claimValue);
    let user =
      settings.matchField === 'username'
        ? await users.findOne({ where: { username: value } })
        : await users.findOne({ where: { externalSubject: value } });
    let provisioned = false;
    if (!user) {
      if (!settings.provision) {
        throw Object.assign(
          new OidcSignInError(OidcErrorCode.AccountNotFound, 'no_matching_account'),
          { subject: claimValue },
        );
      }
      user = await this.provision(settings, claimValue, claims, meta);
      provisioned = true;
    }
    if (user.disabled) {
      throw Object.assign(new OidcSignInError(OidcErrorCode.AccountDisabled, 'disabled'), {
        subject: user.username,
      });
    }
    const now = this.clock.now();
    const changes: Partial<AppUser> = { lastSignInAt: now };
    if (!user.externalSubject && settings.matchField === 'username') {
      changes.externalSubject = claimValue.slice(0, CLAIM_VALUE_MAX);
    }
    let mappedRole = !user.role ? this.mappedRole(settings, claims) : null;
    if (mappedRole === Role.PROVINCIAL_SUPERVISOR) {
      // A provincial supervisor is bound to its province: the claim names none, so it can only
      // be the only province of the deployment; with several, the account stays unbound.
      const provinces = (await this.dataSource.query(
        `SELECT code FROM admin_unit WHERE level = 'province' ORDER BY code LIMIT 2`,
      )) as { code: string }[];
      if (provinces.length === 1) changes.unitCode = provinces[0].code;
      else mappedRole = null;
    }
    if (mappedRole) changes.role = mappedRole;
    await users.update({ id: user.id }, changes);
    Object.assign(user, changes);
    if (mappedRole) {
      await this.audit.record({
        action: AuditAction.RoleBound,
        result: 'success',
        actorUsername: 'oidc',
        target: `user:${user.username}`,
        ip: meta.ip,
        detail: {
          role: mappedRole,
          ...(changes.unitCode ? { unitCode: changes.unitCode } : {}),
          source: `claim:${settings.roleMapping?.claim}`,
        },
      });
    }
    const { token, session } = await this.sessions.create(user, meta, null, 'oidc');
    await this.audit.record({
      action: AuditAction.OidcSignIn,
      result: 'success',
      actor: { id: user.id, username: user.username },
      target: `session:${session.id}`,
      ip: meta.ip,
      detail: {
        issuer: settings.issuer,
        claim: settings.matchClaim,
        ...(provisioned ? { provisioned: true } : {}),
        ...(user.role ? {} : { unbound: true }),
      },
    });
    return { token, session, user, provisioned };
  }

  /** A role from the configured claim, for an account without one (never an administrator). */
  private mappedRole(settings: OidcConfig, claims: Record<string, unknown>): Role | null {
    if (!settings.roleMapping) return null;
    const raw = claims[settings.roleMapping.claim];
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      const role = typeof value === 'string' ? settings.roleMapping.map[value] : undefined;
      if (role) return role;
    }
    return null;
  }

  /** Creates an account with no role and no jurisdiction, and no usable password. */
  private async provision(
    settings: OidcConfig,
    claimValue: string,
    claims: Record<string, unknown>,
    meta: RequestMeta,
  ): Promise<AppUser> {
    const username = this.usernameFor(settings, claimValue, claims);
    if (!USERNAME_PATTERN.test(username) || isSystemActor(username)) {
      throw Object.assign(new OidcSignInError(OidcErrorCode.ProvisionFailed, 'bad_username'), {
        subject: claimValue,
      });
    }
    const displayName = (
      claimText(claims.name) ??
      claimText(claims.preferred_username) ??
      username
    ).slice(0, 100);
    const now = this.clock.now();
    const users = this.dataSource.getRepository(AppUser);
    const inserted = await users
      .createQueryBuilder()
      .insert()
      .values({
        username,
        displayName,
        // Nobody knows this password: the account signs in through the provider only, until an
        // administrator resets it (which gives it a temporary one, as for any account).
        passwordHash: await hashPassword(randomBytes(32).toString('base64url'), {
          costLog2: this.config.auth.passwordCostLog2,
        }),
        passwordChangedAt: now,
        mustChangePassword: false,
        role: null,
        externalSubject: claimValue,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = inserted.raw[0]?.id as string | undefined;
    if (!id) {
      // The username or the subject is taken: a concurrent first sign-in of the same person
      // provisioned it (use that account), or another account holds the name.
      const existing =
        settings.matchField === 'username'
          ? await users.findOne({ where: { username } })
          : await users.findOne({ where: { externalSubject: claimValue } });
      if (existing) return existing;
      throw Object.assign(new OidcSignInError(OidcErrorCode.ProvisionFailed, 'username_taken'), {
        subject: claimValue,
      });
    }
    await this.audit.record({
      action: AuditAction.UserProvisioned,
      result: 'success',
      actorUsername: 'oidc',
      target: `user:${username}`,
      ip: meta.ip,
      detail: { issuer: settings.issuer, claim: settings.matchClaim },
    });
    return users.findOneOrFail({ where: { id } });
  }

  /**
   * The new account's name: the claim itself when accounts are matched by username; otherwise
   * the provider's preferred_username when usable, else one derived from the subject.
   */
  private usernameFor(
    settings: OidcConfig,
    claimValue: string,
    claims: Record<string, unknown>,
  ): string {
    if (settings.matchField === 'username') return normalizeUsername(claimValue);
    const preferred = claimText(claims.preferred_username);
    const candidate = preferred ? normalizeUsername(preferred) : '';
    if (USERNAME_PATTERN.test(candidate) && !isSystemActor(candidate)) return candidate;
    return `sso-${createHash('sha256').update(claimValue).digest('hex').slice(0, 16)}`;
  }

  /**
   * Where to send the browser to end the provider's session too, when it offers that and
   * OIDC_END_SESSION is on; null otherwise.
   */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<string | null> {
    const settings = this.settings;
    if (!settings?.endSession) return null;
    try {
      const configuration = await this.discover();
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(configuration, {
        client_id: settings.clientId,
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).href;
    } catch {
      return null;
    }
  }
}

/** The matching and role claims from userinfo win over an ID token that lacks them. */
function pick(info: Record<string, unknown>, settings: OidcConfig): Record<string, unknown> {
  const keys = [settings.matchClaim, settings.roleMapping?.claim].filter((k): k is string => !!k);
  return Object.fromEntries(keys.filter((k) => info[k] !== undefined).map((k) => [k, info[k]]));
}
