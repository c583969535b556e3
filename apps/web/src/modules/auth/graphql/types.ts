// The app's names for the generated GraphQL types (`npm run codegen` from the .graphql files
// here and the API's schema).
import type {
  AdminUnitFieldsFragment,
  CurrentUserFieldsFragment,
  DepartmentFieldsFragment,
} from '../../../graphql/generated/graphql';

export type {
  AdminLevel,
  ChangePasswordInput,
  Role,
  SignInInput,
} from '../../../graphql/generated/graphql';

export type AdminUnit = AdminUnitFieldsFragment;

export type Department = DepartmentFieldsFragment;

/** The signed-in user (`me`). */
export type CurrentUser = CurrentUserFieldsFragment;
