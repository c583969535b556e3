import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminUnitResolver, DepartmentResolver } from '../admin-unit/admin-unit.resolver';
import { AdminUnitService } from '../admin-unit/admin-unit.service';
import { AuthResolver } from '../auth/auth.resolver';
import { AuthService } from '../auth/auth.service';
import { MfaKeyStore } from '../auth/mfa-key';
import { SecondFactorCheck } from '../auth/second-factor-check';
import { SecondFactorResolver } from '../auth/second-factor.resolver';
import { SecondFactorService } from '../auth/second-factor.service';
import { SessionService } from '../auth/session.service';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { SecurityAuditResolver } from '../security-audit/security-audit.resolver';
import { SecurityAuditService } from '../security-audit/security-audit.service';
import { CurrentUserFieldsResolver, UserResolver } from '../user/user.resolver';
import { UserAdminService } from '../user/user-admin.service';
import { PasswordResetRequestResolver } from '../user/password-reset-request.resolver';
import { PasswordResetRequestService } from '../user/password-reset-request.service';
import { PERSON_FIELD_RESOLVERS } from '../user/person-fields.resolver';
import { AccessGuard } from './access.guard';
import { CycleProvinces } from './cycle-provinces';
import { HttpAccess } from './http-access';

/** Sign-in, sessions, users, units, the security audit log, and the guard on every operation. */
@Global()
@Module({
  providers: [
    SecurityAuditService,
    SessionService,
    SignInThrottle,
    AuthService,
    MfaKeyStore,
    SecondFactorCheck,
    SecondFactorService,
    SecondFactorResolver,
    UserAdminService,
    PasswordResetRequestService,
    AdminUnitService,
    AuthResolver,
    UserResolver,
    PasswordResetRequestResolver,
    CurrentUserFieldsResolver,
    AdminUnitResolver,
    DepartmentResolver,
    SecurityAuditResolver,
    ...PERSON_FIELD_RESOLVERS,
    HttpAccess,
    CycleProvinces,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SecurityAuditService, SessionService, AuthService, HttpAccess, CycleProvinces],
})
export class AccessModule {}
