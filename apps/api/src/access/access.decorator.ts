import { SetMetadata } from '@nestjs/common';
import { Role } from '../auth/role';

export const ACCESS_KEY = 'duty:access';

/** Anyone, signed in or not. */
export const PUBLIC = 'PUBLIC' as const;
/** Any signed-in user, whatever the role (even before a role is bound). */
export const AUTHENTICATED = 'AUTHENTICATED' as const;

export type AccessRule = typeof PUBLIC | typeof AUTHENTICATED | readonly Role[];

/**
 * Declares who may call a GraphQL Query or Mutation. Every root operation must carry one: the
 * guard refuses operations without it, and a test walks the schema so that a new operation
 * without a declaration fails the build. Unit-level checks (jurisdiction) happen in services.
 */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);

/** Operations that stay open while the user must change their password first. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'duty:allowed-before-password-change';
export const AllowBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/**
 * Operations that stay open while the session still owes its second factor (signed in with the
 * password, code or enrolment pending). The second factor comes before a password change.
 */
export const ALLOWED_BEFORE_SECOND_FACTOR = 'duty:allowed-before-second-factor';
export const AllowBeforeSecondFactor = () => SetMetadata(ALLOWED_BEFORE_SECOND_FACTOR, true);
