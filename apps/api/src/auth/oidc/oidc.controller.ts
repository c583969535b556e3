import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditAction, SecurityAuditService } from '../../security-audit/security-audit.service';
import { SessionService } from '../session.service';
import { requestMeta, SESSION_COOKIE } from '../session-token';
import { OIDC_COOKIE_PATH, OIDC_LOGIN_COOKIE, OIDC_LOGIN_TTL_MS } from './oidc-login-state';
import { OidcErrorCode, OidcService, OidcSignInError } from './oidc.service';

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Single sign-on over plain HTTP (browser redirects): /login sends the browser to the
 * provider, /callback comes back with the code and opens a session, /logout ends it (and the
 * provider's session when it offers end_session). Refusals go back to the sign-in page with
 * `?oidcError=<code>`, which the web app explains in Chinese.
 */
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
    private readonly audit: SecurityAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private loginCookie(): CookieOptions {
    // Lax, not Strict: the provider's redirect back is a cross-site top-level navigation.
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.cookieSecure,
      path: OIDC_COOKIE_PATH,
    };
  }

  private redirectUri(req: Request): string {
    return (
      this.oidc.settings?.redirectUri ??
      `${req.protocol}://${req.get('host')}${OIDC_COOKIE_PATH}/callback`
    );
  }

  private refuse(res: Response, error: unknown): void {
    const code = error instanceof OidcSignInError ? error.code : OidcErrorCode.TokenInvalid;
    res.redirect(303, `/?oidcError=${encodeURIComponent(code)}`);
  }

  @Get('login')
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { url, sealedState } = await this.oidc.begin(this.redirectUri(req));
      res.cookie(OIDC_LOGIN_COOKIE, sealedState, {
        ...this.loginCookie(),
        maxAge: OIDC_LOGIN_TTL_MS,
      });
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, url);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      this.refuse(res, error);
    }
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.clearCookie(OIDC_LOGIN_COOKIE, this.loginCookie());
    res.setHeader('Cache-Control', 'no-store');
    try {
      const query = req.originalUrl.includes('?')
        ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
        : '';
      const { token } = await this.oidc.finish(
        query,
        cookieValue(req, OIDC_LOGIN_COOKIE),
        requestMeta(req),
      );
      res.cookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.config.auth.cookieSecure,
        path: '/',
      });
      res.redirect(303, '/');
    } catch (error) {
      this.refuse(res, error);
    }
  }

  @Get('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.sessions.authenticate(req);
    if (principal) {
      await this.sessions.revoke(principal.sessionId, 'sign_out');
      await this.audit.record({
        action: AuditAction.SignOut,
        result: 'success',
        actor: { id: principal.userId, username: principal.username },
        target: `session:${principal.sessionId}`,
        ip: requestMeta(req).ip,
        detail: { via: 'oidc_logout' },
      });
    }
    res.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.cookieSecure,
    });
    const home = `${req.protocol}://${req.get('host')}/`;
    res.redirect(303, (await this.oidc.endSessionUrl(home)) ?? '/');
  }
}
