import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const fromHere = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// Paths the API owns (keep in step with API_PATHS in apps/api/src/server/web-static.ts).
// A regular expression, so `/api` does not also catch e.g. `/apidocs` the way a prefix would.
const API_PATHS = '^/(graphql|health|ready|api)(?:[/?]|$)';
const apiProxy: Record<string, ProxyOptions> = {
  [API_PATHS]: { target: process.env.API_PROXY_TARGET ?? 'http://localhost:3000' },
};

/** Vendor chunks, most specific first: each group also takes the dependencies it pulls in. */
const vendorGroups = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'vendor-antd',
    test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
  },
  {
    name: 'vendor-recharts',
    test: /[\\/]node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor)[\\/]/,
  },
  {
    name: 'vendor-apollo',
    test: /[\\/]node_modules[\\/](@apollo|graphql|graphql-tag|@wry|optimism|rxjs)[\\/]/,
  },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
];

export default defineConfig({
  root: fromHere('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@duty/shared/errors': fromHere('../../libs/shared/errors/src/index.ts'),
    },
  },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
  build: {
    outDir: fromHere('../../dist/web'),
    emptyOutDir: true,
    // The API caches everything under /assets/ as immutable (hashed names); keep that folder.
    assetsDir: 'assets',
    // Ant Design is one long-cached chunk on purpose (about 960 kB, 310 kB gzipped, with Table,
    // Form, Select, DatePicker); warn only when a chunk grows beyond that.
    chunkSizeWarningLimit: 1000,
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
