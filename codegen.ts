import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the web app: the operations in `apps/web/src/**\/*.graphql`, checked
 * against the API's schema (`npm run schema:print`), become typed documents in
 * `apps/web/src/graphql/generated/`. Run with `npm run codegen`; CI fails when the committed
 * output differs (`npm run codegen:check`).
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'apps/api/schema.graphql',
  documents: ['apps/web/src/**/*.graphql'],
  generates: {
    'apps/web/src/graphql/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        // Only the enums, inputs and scalars the operations use, not every schema type.
        onlyOperationTypes: true,
        // String unions, as the API sends them, rather than TypeScript enums.
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        defaultScalarType: 'unknown',
        // Settings recommended for Apollo Client: null (not absent) for null fields; optional
        // inputs may be left out; __typename always present (the cache adds it) except on
        // the root types.
        avoidOptionals: { field: true, inputValue: false },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        useTypeImports: true,
        // Documents written with Apollo's `gql`, as the hand-written ones were: readable in
        // review, parsed at load exactly as before.
        documentMode: 'graphQLTag',
        gqlImport: '@apollo/client#gql',
        documentNodeImport: '@apollo/client#TypedDocumentNode',
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
