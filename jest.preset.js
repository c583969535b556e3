// Shared jest settings: every project transforms TypeScript with SWC (fast, keeps decorator
// metadata for NestJS) and resolves the workspace path aliases.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/]/g, '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

const transformer = path.join(__dirname, 'test/support/jest-swc-transformer.js');

/** @param {{ tsx?: boolean, syntax?: 'typescript' | 'ecmascript' }} opts */
function swcTransform(opts = {}) {
  const typescript = (opts.syntax ?? 'typescript') === 'typescript';
  return [
    transformer,
    {
      jsc: {
        target: 'es2022',
        parser: typescript
          ? { syntax: 'typescript', decorators: true, tsx: Boolean(opts.tsx) }
          : { syntax: 'ecmascript', jsx: false, importAttributes: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          react: { runtime: 'automatic' },
        },
        keepClassNames: true,
        // Rewrite workspace aliases at compile time too: jest's global setup is loaded with
        // plain require(), where moduleNameMapper does not apply.
        baseUrl: __dirname,
        paths: compilerOptions.paths,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ];
}

// ESM-only dependencies (see test/support/jest-swc-transformer.js) compiled for jest.
const esmOnlyPackages = ['@nestjs', 'openid-client', 'oauth4webapi', 'jose'];

/** Transform settings for projects that load the NestJS API. */
const nodeTransform = {
  transform: {
    '^.+\\.ts$': swcTransform(),
    '^.+\\.m?js$': swcTransform({ syntax: 'ecmascript' }),
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
};

module.exports = { moduleNameMapper, swcTransform, nodeTransform };
