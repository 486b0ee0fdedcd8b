/// <reference lib="dom" />
// Browser tests of corrections in the dashboard (issue 15): the claim page's banner with the diff
// of the affected passages, the board's mark, the review queue and its actions, and the status form
// that keeps the version it was opened on when a live refresh brings a newer one. The demo's
// article is corrected as Perfil might (a date and a figure changed, the anonymous sources'
// sentence withdrawn). Needs Chromium and the built page, like web-dashboard.e2e-spec.ts.
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, Page } from 'playwright-core';
import { DEMO_ARTICLE } from '@claimtrace/demo';
import { CORRECTED } from './support/corrected-example';
import {
  browserDescribe,
  CHROMIUM,
  DemoClaim,
  editorToken,
  hasChromium,
  newPage,
  shot,
  startDashboard,
} from './support/dashboard-browser';

jest.setTimeout(120_000);

browserDescribe('corrections in the dashboard', () => {
  let app: NestFastifyApplication;
  let base: string;
  let browser: Browser;
  let token: string | null;
  const claims: Record<'talks' | 'noDeal' | 'deal', DemoClaim> = {} as never;

  async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${base}/`);
    await page.click('text=Sign in to edit');
    await page.fill('#token-input', token ?? 'editor-token');
    await page.click('button:has-text("Sign in")');
  }

  beforeAll(async () => {
    ({ app, base, browser } = await startDashboard());
    token = await editorToken(app);
    const { claims: all } = await gql<{ claims: { edges: { node: DemoClaim }[] } }>(
      `{ claims(first: 100) { edges { node { id text status version } } } }`,
    );
    const find = (words: string) =>
      all.edges.map((e) => e.node).find((c) => c.text.includes(words))!;
    claims.talks = find('advanced talks');
    claims.noDeal = find('No deal has been closed');
    claims.deal = find('Under the deal');
    const { ingestArticle } = await gql(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { outcome } }`,
      {
        i: {
          url: DEMO_ARTICLE.url,
          title: DEMO_ARTICLE.title,
          text: CORRECTED,
          publisherName: DEMO_ARTICLE.publisherName,
        },
      },
    );
    expect(ingestArticle.outcome).toBe('NEW_VERSION');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the claim page says the source was corrected, with the diff of the changed passages', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${base}/#/claims/${encodeURIComponent(claims.talks.id)}`);
    const banner = page.getByTestId('correction-banner');
    await banner.waitFor();
    const text = (await banner.textContent())!;
    // the repost's date and the figure, as attributions, and the figure again as status evidence
    expect(text).toMatch(/Perfil corrected this article on .+: \d+ passages moved, 3 changed\./);
    const inserted = await page.$$eval('[data-testid="passage-diff"] ins', (els) =>
      els.map((e) => e.textContent!.trim()),
    );
    const removed = await page.$$eval('[data-testid="passage-diff"] del', (els) =>
      els.map((e) => e.textContent!.trim()),
    );
    expect(inserted).toEqual(expect.arrayContaining(['Thursday', '“90']));
    expect(removed).toEqual(expect.arrayContaining(['Friday', '“100']));
    await shot(page, 'claim-corrected-1280');

    // the withdrawn quote: the banner counts it, the attribution says it needs review
    await page.goto(`${base}/#/claims/${encodeURIComponent(claims.noDeal.id)}`);
    await page.getByTestId('correction-banner').waitFor();
    expect(await page.getByTestId('correction-banner').textContent()).toMatch(
      /2 withdrawn\..*2 awaiting review/,
    );
    expect(await page.getByTestId('needs-review').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the board marks the claims whose sources were corrected', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${base}/`);
    await page.waitForSelector(`[data-claim-id="${claims.noDeal.id}"] [data-testid="corrected"]`);
    expect(
      await page.textContent(`[data-claim-id="${claims.noDeal.id}"] [data-testid="corrected"]`),
    ).toContain('2 to review');
    // the changed date and figure (as attributions, and the figure as evidence) await review too
    expect(
      await page.textContent(`[data-claim-id="${claims.talks.id}"] [data-testid="corrected"]`),
    ).toContain('3 to review');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an editor resolves the review queue: old and new side by side, each action recorded', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page);
    await page.goto(`${base}/#/review`);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="review-count"]')?.textContent === '5 awaiting review',
    );
    const items = page.locator('[data-source-change-id]');
    expect(await items.count()).toBe(5);
    // two withdrawn quotes, and three moves that changed a date or a figure, old beside new
    const orphans = items.filter({ hasText: 'Not in the new version.' });
    expect(await orphans.count()).toBe(2);
    const texts = (await items.allTextContents()).join(' ');
    expect(texts).toMatch(/Friday/);
    expect(texts).toMatch(/Thursday/);
    await shot(page, 'review-queue-1280');
    // it fits a phone too: no horizontal scrolling at 390 px
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await shot(page, 'review-queue-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    const first = (await orphans.first().getAttribute('data-source-change-id'))!;
    await orphans.first().getByRole('button', { name: 'Confirm' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="review-count"]')?.textContent === '4 awaiting review',
    );
    const { node } = await gql(
      `query ($id: ID!) { node(id: $id) { ... on SourceChange { resolved resolution } } }`,
      { id: first },
    );
    expect(node).toEqual({ resolved: true, resolution: 'CONFIRM' });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the status form keeps the version it was opened on and asks when the claim changed meanwhile', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page);
    await page.goto(`${base}/#/claims/${encodeURIComponent(claims.deal.id)}`);
    await page.waitForSelector('[data-testid="live-indicator"][data-status="live"]');
    await page.waitForSelector('#status-rationale');
    const read = async () =>
      (await gql(`query ($id: ID!) { claim(id: $id) { status version } }`, { id: claims.deal.id }))
        .claim as { status: string; version: number };
    const opened = await read();
    await page.fill('#status-rationale', 'The Times has a second source');

    // another editor changes the claim while the form is open
    await gql(
      `mutation ($input: ChangeClaimStatusInput!) { changeClaimStatus(input: $input) { version } }`,
      {
        input: {
          claimId: claims.deal.id,
          status: 'CONTESTED',
          rationale: 'Milei denies it',
          expectedVersion: opened.version,
        },
      },
    );
    const stale = page.getByTestId('stale-form');
    await stale.waitFor();
    const said = (await stale.textContent())!;
    expect(said).toContain(`version ${opened.version} → ${opened.version + 1}`);
    expect(said).toContain(`status ${opened.status} → CONTESTED`);
    expect(await page.getByRole('button', { name: 'Change status' }).isDisabled()).toBe(true);
    expect(await page.inputValue('#status-rationale')).toBe('The Times has a second source');
    expect((await read()).version).toBe(opened.version + 1); // nothing else was sent
    await shot(page, 'stale-form-1280');

    // the editor has seen the change and keeps theirs, on the newer version
    await page
      .getByRole('button', { name: `Keep my change for version ${opened.version + 1}` })
      .click();
    await page.selectOption('#status-to', 'CORROBORATED');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.waitForSelector('text=Status changed to Corroborated.');
    expect(await read()).toEqual({ status: 'CORROBORATED', version: opened.version + 2 });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the status form asks when a correction withdraws a quote the claim stood on while the editor writes', async () => {
    const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
    const url = 'https://www.diariodelsur.example/provincia/bono';
    const kept = 'Governor Ana Ruiz said the province will issue 580 million in bonds';
    const gone = 'A senior minister said privately that the bond was a desperate measure';
    const v1 = `Tierra Alta announced a bond. ${kept}. ${gone}. Markets reacted calmly.`;
    const ingest = (text: string) =>
      gql(INGEST, { i: { url, title: 'Tierra Alta bond', text, publisherName: 'Diario del Sur' } });
    const article = (await ingest(v1)).ingestArticle.article.id;
    const { createClaim } = await gql(
      `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id version } }`,
      { i: { text: 'Tierra Alta will issue 580 million in bonds' } },
    );
    for (const [name, kind, exact] of [
      ['Ana Ruiz', 'PERSON', kept],
      ['a senior Tierra Alta minister', 'ANONYMOUS_SOURCE', gone],
    ]) {
      const { createActor } = await gql(
        `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`,
        { i: { name, kind } },
      );
      await gql(`mutation ($i: AttributeClaimInput!) { attributeClaim(input: $i) { id } }`, {
        i: {
          claimId: createClaim.id,
          actorId: createActor.id,
          stance: 'ASSERTS',
          articleId: article,
          quote: { exact },
        },
      });
    }
    const { page, errors } = await newPage(browser);
    await signIn(page);
    await page.goto(`${base}/#/claims/${encodeURIComponent(createClaim.id)}`);
    await page.waitForSelector('[data-testid="live-indicator"][data-status="live"]');
    await page.waitForSelector('#status-rationale');
    await page.fill('#status-rationale', 'Two sources say so');

    // the paper withdraws the minister's quote while the editor writes: no new claim version
    await ingest(v1.replace(` ${gone}.`, ''));
    const stale = page.getByTestId('stale-form');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('source changes to review 0 → 1');
    expect(await page.getByRole('button', { name: 'Change status' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

if (!hasChromium) {
  console.log(`Browser tests skipped: no Chromium at ${CHROMIUM}.`);
}
