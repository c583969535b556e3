// The app's names for the generated GraphQL types (`npm run codegen` from the .graphql files
// here and the API's schema).
import type {
  CreateUserMutation,
  ResetUserPasswordMutation,
  UserAccountFieldsFragment,
} from '../../../graphql/generated/graphql';

export type {
  BindRoleInput,
  CreateUserInput,
  PageInput,
  UserFilterInput,
} from '../../../graphql/generated/graphql';

export type UserAccount = UserAccountFieldsFragment;

/** A new account or a reset password: the temporary password is shown to the admin once. */
export type UserWithTemporaryPassword =
  CreateUserMutation['createUser'] | ResetUserPasswordMutation['resetUserPassword'];
