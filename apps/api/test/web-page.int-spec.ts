import { join } from 'node:path';
import { findWebRoot } from '../src/dashboard/web-page';
import { startTestApp, TestApp } from './test-app';

// The API serves the built dashboard (dist/apps/web, made by `npm run build`) at `/` without
// shadowing its own routes.
describe('the web page served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('finds the built page, never the sources', () => {
    const root = findWebRoot(join(__dirname, '../src/dashboard'));
    expect(root).toMatch(/dist[\\/]apps[\\/]web$/);
  });

  it('serves index.html at / and its hashed assets', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script!);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API routes alone and hides the build manifest', async () => {
    expect((await t.ok('{ claims(first: 1) { totalCount } }')).claims.totalCount).toBe(0);
    expect((await get('/health/ready')).statusCode).toBe(200);
    expect((await get('/.vite/manifest.json')).statusCode).toBe(404);
    expect((await get('/no-such-page')).statusCode).toBe(404);
  });
});
