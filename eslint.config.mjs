import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries: the web app and the API never import each other; shared libraries import
 * neither app; an app is never imported by anything; only test code may use the test harness.
 */
function moduleBoundaries({ tests }) {
  const testSupport = tests ? ['scope:test-support'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      {
        sourceTag: 'scope:api',
        onlyDependOnLibsWithTags: ['scope:api', 'scope:shared', ...testSupport],
      },
      {
        sourceTag: 'scope:web',
        onlyDependOnLibsWithTags: ['scope:web', 'scope:shared', ...testSupport],
      },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      {
        sourceTag: 'scope:test',
        onlyDependOnLibsWithTags: ['scope:api', 'scope:web', 'scope:shared', 'scope:test-support'],
      },
      // The test database harness knows the schema (migrations), never an app.
      {
        sourceTag: 'scope:test-support',
        onlyDependOnLibsWithTags: ['scope:test-support', 'scope:api', 'scope:shared'],
      },
      { sourceTag: 'scope:test-support', notDependOnLibsWithTags: ['type:app'] },
      { sourceTag: 'type:util', notDependOnLibsWithTags: ['type:app', 'type:data-access'] },
      { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
    ],
  };
}

const testFiles = [
  '**/*.spec.ts',
  '**/*.spec.tsx',
  '**/*.int-spec.ts',
  '**/__tests__/**',
  'apps/*/src/testing/**',
];

export default tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '**/coverage', '.data', '.nx', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'error',
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ tests: false })],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ tests: true })] },
  },
  prettier,
);
