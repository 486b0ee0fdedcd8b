/// <reference lib="dom" />
// What the browser tests of the dashboard share: Debian's Chromium, the server's settings, an
// editor's token, pages that record console errors, screenshots and signing in.
import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '@claimtrace/core';
import { DemoLoader } from '@claimtrace/demo';
import { createTestDatabase } from '@claimtrace/testing';
import { createApp } from '../../src/bootstrap/create-app';
import { findWebRoot } from '../../src/dashboard/web-page';

export const ROOT = join(__dirname, '../../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'artifacts/screenshots');

/** `describe`, or `describe.skip` (every test reported as skipped) without Chromium. */
export const browserDescribe = hasChromium ? describe : describe.skip;

/** A claim of the demo data as the tests read it. */
export interface DemoClaim {
  id: string;
  text: string;
  status: string;
  version: number;
}

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The server's settings: production's, introspection off; the anonymous rate budget is 10× the
 * default because every test's browser is one client (127.0.0.1), as if ten readers shared an IP.
 */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    LOG_LEVEL: process.env.E2E_DEBUG ? 'error' : 'silent',
    GRAPHQL_INTROSPECTION: 'false',
    RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '2000000',
    ...env,
  });
}

/**
 * An EDITOR token once the server has access control (libs/auth, issue 6), made through its
 * TokensService; null while writes are open to everyone.
 */
export async function editorToken(server: NestFastifyApplication): Promise<string | null> {
  const lib = '@claimtrace/auth';
  let auth: { TokensService: new (...args: never[]) => unknown };
  try {
    auth = await import(lib);
  } catch {
    return null;
  }
  const tokens = server.get(auth.TokensService) as {
    create(input: { name: string; role: string }): Promise<{ token: string }>;
  };
  return (await tokens.create({ name: 'e2e-editor', role: 'EDITOR' })).token;
}

/** A page that records console errors and uncaught exceptions. */
export async function newPage(
  browser: Browser,
  width = 1280,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.E2E_DEBUG) {
    page.on('console', (m) => console.log('console', m.type(), m.text()));
    page.on('response', (r) => console.log('response', r.status(), r.url()));
  }
  return { page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** Signs the page in as an editor with `token` (the header's "Sign in to edit"). */
export async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.click('text=Sign in to edit');
  await page.fill('#token-input', token);
  await page.click('button:has-text("Sign in")');
}

/**
 * The API with the built page on a fresh database holding the demo data, listening on a loopback
 * port (`base`), and Chromium. Refuses to start when the page is not built.
 */
export async function startDashboard(
  env: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; base: string; browser: Browser }> {
  if (!findWebRoot(join(ROOT, 'apps/api/src/dashboard'))) {
    throw new Error('The web page is not built: run `npm run build` first.');
  }
  const app = await createApp({ config: testConfig(env), databaseUrl: await createTestDatabase() });
  await app.init();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  await app.get(DemoLoader).load();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  return { app, base, browser };
}
