import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';

/**
 * Who is acting, as services record it (reviewer, importer). Services take it as a parameter
 * so that sign-in (the users and access issue) only changes how it is obtained.
 */
export interface Actor {
  id: string;
}

/**
 * Interim access rule until sign-in exists: writes to the duty register are allowed outside
 * production under a provisional identity, and refused in production, so that a deployed
 * system is never writable anonymously. Replaced by session-based roles with sign-in.
 */
@Injectable()
export class ProvisionalAccess {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  registerEditor(): Actor {
    if (this.config.isProduction) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        '登录功能上线前，生产环境不允许修改职责清单。请使用命令行导入法规。',
      );
    }
    return { id: 'provisional-reviewer' };
  }
}
