import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const env = { ...process.env, NX_DAEMON: 'false' };

/**
 * The Nx module boundaries actually constrain: each probe is a file that would break (or keep)
 * a boundary, linted in place through stdin (never written to disk) with the project's config.
 */
describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph; make sure it exists (a fresh clone has none).
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, stdio: 'pipe', env });
  }, 120_000);

  // ESLint runs as its own process: its flat config is an ES module, which jest's VM cannot import.
  const boundaryErrors = (file: string, code: string): string[] => {
    let output: string;
    try {
      output = execFileSync(
        'npx',
        ['eslint', '--stdin', '--stdin-filename', path.join(root, file), '--format', 'json'],
        { cwd: root, input: code, env, encoding: 'utf8' },
      );
    } catch (error) {
      output = (error as { stdout: string }).stdout; // exit code 1: problems found
    }
    const [result] = JSON.parse(output) as Array<{
      messages: Array<{ ruleId: string | null; message: string }>;
    }>;
    return result.messages
      .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
      .map((m) => m.message);
  };

  it.each([
    [
      'the web app importing API code',
      'apps/web/src/probe.ts',
      `import { loadConfig } from '../../api/src/config/config';\nexport const x = loadConfig;\n`,
    ],
    [
      'a shared library importing an app',
      'libs/shared/errors/src/probe.ts',
      `import { AppError } from '../../../../apps/api/src/graphql/app-error';\nexport const x = AppError;\n`,
    ],
    [
      'API production code importing the test harness',
      'apps/api/src/system/probe.ts',
      `import { createTestDatabase } from '@duty/test-support';\nexport const x = createTestDatabase;\n`,
    ],
    [
      'a shared library importing an API library',
      'libs/regulation/parser/src/probe.ts',
      `import { hashPassword } from '@duty/api/passwords';\nexport const x = hashPassword;\n`,
    ],
  ])('refuses %s', (_what, file, code) => {
    expect(boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'the API importing a shared library',
      'apps/api/src/system/probe.ts',
      `import { ErrorCode } from '@duty/shared/errors';\nexport const x = ErrorCode;\n`,
    ],
    [
      'API test code importing the test harness',
      'apps/api/src/system/__tests__/probe.int-spec.ts',
      `import { createTestDatabase } from '@duty/test-support';\nexport const x = createTestDatabase;\n`,
    ],
  ])('allows %s', (_what, file, code) => {
    expect(boundaryErrors(file, code)).toEqual([]);
  });
});
