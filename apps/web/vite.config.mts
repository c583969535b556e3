import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

const fromHere = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// Paths the API owns (keep in step with API_PATHS in apps/api/src/server/web-static.ts).
// A regular expression, so `/api` does not also catch e.g. `/apidocs` the way a prefix would.
const API_PATHS = '^/(graphql|health|ready|api)(?:[/?]|$)';
const apiProxy: Record<string, ProxyOptions> = {
  [API_PATHS]: { target: process.env.API_PROXY_TARGET ?? 'http://localhost:3000' },
};

/**
 * Long-lived vendor chunks for what every page needs (React, the GraphQL client). Ant Design and
 * recharts are left to Rolldown's automatic splitting, so each page loads only the components it
 * uses and the charting library arrives with the first page that draws a chart.
 */
const vendorGroups = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'vendor-apollo',
    test: /[\\/]node_modules[\\/](@apollo|graphql|graphql-tag|@wry|optimism|rxjs)[\\/]/,
  },
];

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Writes `.br` and `.gz` next to every script and stylesheet of the build, once, at the best
 * compression; the API serves them to browsers that accept the encoding (web-static.ts), so no
 * request pays for compression and users download a third of the bytes.
 */
function precompress(): Plugin {
  return {
    name: 'duty-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? fromHere('../../dist/web');
      const files = Object.values(bundle).filter((file) => /\.(js|css)$/.test(file.fileName));
      await Promise.all(
        files.map(async (file) => {
          const source = file.type === 'chunk' ? file.code : file.source;
          const target = path.join(outDir, file.fileName);
          const [br, gz] = await Promise.all([
            brotliAsync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
            gzipAsync(source, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${target}.br`, br), writeFile(`${target}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  base: '/',
  plugins: [react(), precompress()],
  // Always the production build of React and the other libraries, even when the build runs
  // under NODE_ENV=test (jest's browser tests build the app; Nx would then cache a dev build).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: {
    alias: {
      '@duty/shared/errors': fromHere('../../libs/shared/errors/src/index.ts'),
      '@duty/shared/spreadsheet-text': fromHere('../../libs/shared/spreadsheet-text/src/index.ts'),
      '@duty/assessment/scoring': fromHere('../../libs/assessment/scoring/src/index.ts'),
      // The word-level redline of two duty texts is computed in the browser (pure, no Node API).
      '@duty/regulation/parser': fromHere('../../libs/regulation/parser/src/index.ts'),
    },
  },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
  build: {
    outDir: fromHere('../../dist/web'),
    emptyOutDir: true,
    // The API caches everything under /assets/ as immutable (hashed names); keep that folder.
    assetsDir: 'assets',
    rolldownOptions: {
      output: {
        // Rolldown's replacement for Rollup's (now deprecated) `manualChunks`.
        codeSplitting: {
          groups: vendorGroups.map((group, index) => ({
            ...group,
            priority: vendorGroups.length - index,
          })),
        },
      },
    },
  },
});
