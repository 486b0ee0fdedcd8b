/// <reference lib="dom" />
// The New article flow in a real Chromium (see web-dashboard.e2e-spec.ts for the set-up this
// shares): a link served by a local site → preview → ingest → a claim, with the duplicate
// warning first → suggestions accepted, creating two actors and a relay chain → a status change
// citing evidence. The server allows private addresses (the site is on 127.0.0.1), as in tests.
import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, chromium } from 'playwright-core';
import { TokensService } from '@claimtrace/auth';
import { loadConfig } from '@claimtrace/core';
import { createTestDatabase, PageServer, startPageServer } from '@claimtrace/testing';
import { createApp } from '../src/bootstrap/create-app';
import { findWebRoot } from '../src/dashboard/web-page';

jest.setTimeout(120_000);

const root = join(__dirname, '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browserDescribe = existsSync(CHROMIUM) ? describe : describe.skip;

browserDescribe('New article in Chromium: from a link to a status', () => {
  let app: NestFastifyApplication;
  let base: string;
  let browser: Browser;
  let pages: PageServer;
  let token: string;

  async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  beforeAll(async () => {
    if (!findWebRoot(join(root, 'apps/api/src/dashboard'))) {
      throw new Error('The web page is not built: run `npm run build` first.');
    }
    pages = await startPageServer();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      GRAPHQL_INTROSPECTION: 'false',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '2000000',
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
    });
    app = await createApp({ config, databaseUrl: await createTestDatabase() });
    await app.init();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    token = (await app.get(TokensService).create({ name: 'e2e-editor', role: 'EDITOR' })).token;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await pages?.close();
  });

  test('link → preview → ingest → claim (duplicate warned) → suggestions → status with evidence', async () => {
    // an existing claim the new one will look like
    await gql(
      `mutation { createClaim(input: { text: "The port of Rosario will close for three days", language: "en" }) { id } }`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${base}/`);
    await page.click('text=Sign in to edit');
    await page.fill('#token-input', token);
    await page.click('button:has-text("Sign in")');

    // a link that cannot be read, or that carries a password: the user is told why
    await page.click('nav >> text=New article');
    for (const [link, reason] of [
      [pages.url('no-article.html'), /Could not read the page .*no article text was found/],
      [pages.url('missing.html'), /Could not read the page .*HTTP 404/],
      [
        pages.url('news-jsonld.html').replace('//', '//editor:secret@'),
        /must not carry a user name or password/,
      ],
    ] as const) {
      await page.fill('#article-url', link);
      await page.click('button:has-text("Preview")');
      // the alert naming this link's reason (the previous one's is replaced)
      await page.locator('[role="alert"]', { hasText: reason }).waitFor();
      expect(await page.locator('[data-testid="preview"]').count()).toBe(0);
    }

    // a link → its preview
    await page.fill('#article-url', pages.redirectTo('news-jsonld.html'));
    await page.click('button:has-text("Preview")');
    const preview = page.locator('[data-testid="preview"]');
    await preview.waitFor();
    expect(await preview.locator('h2').textContent()).toBe(
      'Port of Rosario to close for three days, ministry says',
    );
    expect(await preview.textContent()).toContain('The Riverside Ledger');
    expect(await page.textContent('[data-testid="preview-language"]')).toBe('en');
    expect(await preview.textContent()).not.toContain('rivero_88');

    // ingest → the article, then its claim, with the duplicate warning first
    await page.click('button:has-text("Ingest this article")');
    await page.waitForSelector('[data-article-id]');
    expect(await page.textContent('[data-testid="article-language"]')).toBe('en');
    await page.fill('#claim-creator-text', 'The port of Rosario will close for three days.');
    const warning = page.locator('[data-testid="similar-claims"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Possible duplicate of');
    await page.fill('#claim-creator-text', 'Dredging will close the port of Rosario from Monday');
    await page.waitForFunction(
      () =>
        !document
          .querySelector('[data-testid="similar-claims"]')
          ?.textContent?.includes('Possible duplicate'),
    );
    await page.click('button:has-text("Create claim")');
    await page.waitForSelector('[data-testid="intake-claim"]');
    const claimHref = await page.getAttribute('[data-testid="intake-claim"]', 'href');
    const claimId = decodeURIComponent(claimHref!.split('/').pop()!);

    // a nested suggestion whose sources match no actor: accepting it creates both actors and
    // the relay chain
    const articleId = await page.getAttribute('[data-article-id]', 'data-article-id');
    const { article } = await gql(
      `query ($id: ID!) { article(id: $id) { suggestedAttributions { index reportedViaIndex actor { id } } } }`,
      { id: articleId },
    );
    const all = article.suggestedAttributions as {
      index: number;
      reportedViaIndex: number | null;
      actor: unknown;
    }[];
    const nested = all.find(
      (s) => s.reportedViaIndex != null && !s.actor && !all[s.reportedViaIndex].actor,
    )!;
    expect(nested).toBeDefined();
    const actorsBefore = (await gql(`{ actors(first: 1) { totalCount } }`)).actors.totalCount;
    const item = page.locator(`[data-suggestion="${nested.index}"]`);
    await item.locator('select').selectOption('ORGANIZATION');
    await page
      .locator(`[data-suggestion="${nested.reportedViaIndex}"] select`)
      .selectOption('GOVERNMENT_BODY');
    await item.locator('button:has-text("Create actor and accept")').click();
    await item.locator('text=Accepted').waitFor();
    await page.locator(`[data-suggestion="${nested.reportedViaIndex}"] >> text=Accepted`).waitFor();
    expect((await gql(`{ actors(first: 1) { totalCount } }`)).actors.totalCount).toBe(
      actorsBefore + 2,
    );
    const { claim } = await gql(
      `query ($id: ID!) { claim(id: $id) { attributions(first: 10) { edges { node {
        chain { actor { kind } } passage { exact } } } } } }`,
      { id: claimId },
    );
    const chains = claim.attributions.edges.map((e: any) =>
      e.node.chain.map((hop: any) => hop.actor.kind),
    );
    expect(chains).toContainEqual(['ORGANIZATION', 'GOVERNMENT_BODY']);

    // the claim: change its status, citing a passage as evidence
    await page.click('[data-testid="intake-claim"]');
    await page.waitForSelector('#claim-title');
    await page.selectOption('#status-to', 'CONTESTED');
    await page.fill('#status-rationale', 'The ministry and exporters disagree about the closure.');
    await page.locator('.evidence-picker input[type="checkbox"]').first().check();
    await page.click('button:has-text("Change status")');
    await page.waitForSelector('text=Status changed to Contested.');
    const after = await gql(
      `query ($id: ID!) { claim(id: $id) { status statusHistory { to evidence { exact } } } }`,
      { id: claimId },
    );
    expect(after.claim.status).toBe('CONTESTED');
    expect(after.claim.statusHistory[0].evidence).toHaveLength(1);

    // the board's filters live in the address: a shared link opens the same view
    await page.goto(`${base}/#/?status=CONTESTED&lang=en`);
    await page.waitForFunction(() => document.querySelectorAll('[data-claim-id]').length === 1);
    expect(await page.getAttribute('[data-claim-id]', 'data-claim-id')).toBe(claimId);
    expect(await page.inputValue('#f-language')).toBe('en');
    await page.selectOption('#f-status', '');
    await page.waitForFunction(() => location.hash === '#/?lang=en');
    expect(errors).toEqual([]);
    await page.close();
  });
});
