import { i18n } from '../i18n';
import { systemInfo } from './fixtures';
import { stubGraphQLOperations, type OperationAnswer } from './graphqlFetch';

type Answers = Record<string, OperationAnswer | OperationAnswer[]>;

/**
 * For specs that render the whole App from `/` in zh-CN: call at the top of the file. Before
 * each test the URL and language are reset, after it fetch is restored. Returns `stub`, which
 * answers GraphQL by operation name: SystemInfo, then `base`, then the test's own `answers`.
 */
export function stubbedWholeApp(base: Answers = {}) {
  let restore: () => void = () => undefined;
  beforeEach(async () => {
    window.history.replaceState(null, '', '/');
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => restore());
  return (answers: Answers) => {
    const result = stubGraphQLOperations({
      SystemInfo: { data: { systemInfo } },
      // The sign-in page asks how people may sign in: passwords only unless a test says otherwise.
      SignInOptions: {
        data: {
          signInOptions: {
            __typename: 'SignInOptions',
            oidcEnabled: false,
            oidcLoginPath: null,
            oidcButtonLabel: null,
            passwordSignIn: 'ALL',
          },
        },
      },
      ...base,
      ...answers,
    });
    restore = result.restore;
    return result;
  };
}
