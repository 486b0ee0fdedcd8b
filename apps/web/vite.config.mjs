// The dashboard page: built by `npm run build` (tools/scripts/build.js) into dist/apps/web, which
// the API serves at `/`; `npm test` runs its component tests with Vitest in jsdom.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  // pure libraries the page shares with the API (no Node, no Nest); also in tsconfig.json's paths
  resolve: {
    alias: {
      '@claimtrace/anchoring': fileURLToPath(
        new URL('../../libs/anchoring/src/index.ts', import.meta.url),
      ),
    },
  },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    // the API checks for the manifest to tell a built page from the sources
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } },
    fs: { allow: [repoRoot] },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
