import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminUnitResolver, DepartmentResolver } from '../admin-unit/admin-unit.resolver';
import { AdminUnitService } from '../admin-unit/admin-unit.service';
import { AuthResolver } from '../auth/auth.resolver';
import { AuthService } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { SecurityAuditResolver } from '../security-audit/security-audit.resolver';
import { SecurityAuditService } from '../security-audit/security-audit.service';
import { CurrentUserFieldsResolver, UserResolver } from '../user/user.resolver';
import { UserAdminService } from '../user/user-admin.service';
import { AccessGuard } from './access.guard';
import { HttpAccess } from './http-access';

/** Sign-in, sessions, users, units, the security audit log, and the guard on every operation. */
@Global()
@Module({
  providers: [
    SecurityAuditService,
    SessionService,
    AuthService,
    UserAdminService,
    AdminUnitService,
    AuthResolver,
    UserResolver,
    CurrentUserFieldsResolver,
    AdminUnitResolver,
    DepartmentResolver,
    SecurityAuditResolver,
    HttpAccess,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SecurityAuditService, SessionService, AuthService, HttpAccess],
})
export class AccessModule {}
