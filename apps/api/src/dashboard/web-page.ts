import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Where the built dashboard is (dist/apps/web, written by `npm run build`): beside the compiled API
 * when running from dist/, or under the workspace's dist/ when the API runs from its sources (the
 * tests). A folder counts only when Vite's manifest is there, so the page's unbuilt sources
 * (apps/web) are never served.
 */
export function findWebRoot(from: string = __dirname): string | null {
  const candidates = [resolve(from, '../../../web'), resolve(from, '../../../../dist/apps/web')];
  return candidates.find((dir) => existsSync(join(dir, '.vite/manifest.json'))) ?? null;
}

/**
 * Serves the dashboard at `/`: one route per built file (no wildcard), so `/graphql`, `/health/*`
 * and `/exports/*` stay the API's. Without a build, `/` says how to make one.
 */
export async function serveWebPage(
  app: NestFastifyApplication,
  root: string | null = findWebRoot(),
): Promise<void> {
  if (!root) {
    app
      .getHttpAdapter()
      .getInstance()
      .get('/', (_request, reply) => {
        void reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web dashboard is not built: run `npm run build`. GraphQL is at /graphql.\n');
      });
    return;
  }
  await app.register(fastifyStatic as never, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // hashed assets can be cached for long; index.html must be revalidated
    cacheControl: false,
    setHeaders: (response: { setHeader(name: string, value: string): unknown }, path: string) => {
      response.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
    allowedPath: (pathName: string) => !pathName.startsWith('/.vite'),
  });
}
