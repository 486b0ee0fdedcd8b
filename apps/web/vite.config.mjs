// The dashboard page: built by `npm run build` (tools/scripts/build.js) into dist/apps/web, which
// the API serves at `/`; `npm test` runs its component tests with Vitest in jsdom.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    // the API checks for the manifest to tell a built page from the sources
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
