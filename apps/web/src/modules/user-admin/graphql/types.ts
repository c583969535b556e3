// The app's names for the generated GraphQL types (`npm run codegen` from the .graphql files
// here and the API's schema).
import type {
  ApprovePasswordResetMutation,
  CreateUserMutation,
  PasswordResetRequestFieldsFragment,
  ResetUserPasswordMutation,
  UserAccountFieldsFragment,
} from '../../../graphql/generated/graphql';

export type {
  BindRoleInput,
  CreateUserInput,
  PageInput,
  SetExternalIdentityInput,
  UpdateUserProfileInput,
  UserFilterInput,
} from '../../../graphql/generated/graphql';

export type UserAccount = UserAccountFieldsFragment;

/** A new account or a reset password: the temporary password is shown to the admin once. */
export type UserWithTemporaryPassword =
  CreateUserMutation['createUser'] | ResetUserPasswordMutation['resetUserPassword'];

/** A request to reset a privileged account's password (dual control); never holds a password. */
export type PasswordResetRequest = PasswordResetRequestFieldsFragment;

/** An approval: the temporary password is shown to the approver once. */
export type ApprovedPasswordReset = ApprovePasswordResetMutation['approvePasswordReset'];
