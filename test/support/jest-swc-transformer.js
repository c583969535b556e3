// Jest transformer: SWC, plus one rewrite for ESM-only dependencies.
//
// NestJS 12 ships as ES modules only. The API is CommonJS (TypeORM's circular entity
// references and decorator metadata are reliable there) and Node 20.19+ loads ESM through
// require() at run time, but jest's module system on Node 20 cannot, so those packages are
// compiled to CommonJS for tests. `import.meta.url` has no CommonJS meaning; it becomes the
// equivalent file URL of the module.
const { createTransformer } = require('@swc/jest');

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
// No require() here: modules declare `const require = createRequire(import.meta.url)`.
const FILE_URL = "('file://' + encodeURI(__filename).replace(/[?#]/g, encodeURIComponent))";

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    const rewrite = (source, file) =>
      file.includes('/node_modules/') ? source.replace(IMPORT_META_URL, FILE_URL) : source;
    return {
      ...swc,
      process: (source, file, opts) => swc.process(rewrite(source, file), file, opts),
      processAsync: (source, file, opts) => swc.processAsync(rewrite(source, file), file, opts),
    };
  },
};
