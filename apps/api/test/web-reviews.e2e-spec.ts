/// <reference lib="dom" />
// The claim page's reviews in a real Chromium: an editor adds a review, publishes it once the
// second review is ticked, edits it and retracts it, and the ClaimReview export follows (docs/guide.md, Publishing reviews).
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, chromium } from 'playwright-core';
import { DemoLoader } from '@claimtrace/demo';
import { createTestDatabase } from '@claimtrace/testing';
import { createApp } from '../src/bootstrap/create-app';
import { findWebRoot } from '../src/dashboard/web-page';
import {
  CHROMIUM,
  editorToken,
  hasChromium,
  LAUNCH_ARGS,
  newPage,
  ROOT,
  shot,
  signIn,
  testConfig,
} from './support/dashboard-browser';

jest.setTimeout(120_000);

const PUBLIC = 'https://claims.example.org';

(hasChromium ? describe : describe.skip)('reviews on the claim page, in Chromium', () => {
  let app: NestFastifyApplication;
  let base: string;
  let browser: Browser;
  let token: string;
  let claimId: string;

  const claimReview = () =>
    fetch(`${base}/claims/${encodeURIComponent(claimId)}/claimreview.jsonld`);

  beforeAll(async () => {
    if (!findWebRoot(join(ROOT, 'apps/api/src/dashboard'))) {
      throw new Error('The web page is not built: run `npm run build` first.');
    }
    const config = testConfig({ PUBLIC_BASE_URL: PUBLIC, REVIEW_ORGANIZATION_NAME: 'Chequeado' });
    app = await createApp({ config, databaseUrl: await createTestDatabase() });
    await app.init();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await app.get(DemoLoader).load();
    token = (await editorToken(app))!;
    const call = async (query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()).data;
    };
    const { claims } = await call(`{ claims(first: 100) { edges { node { id text } } } }`);
    claimId = claims.edges.find((e: any) => e.node.text.includes('advanced talks')).node.id;
    await call(`mutation { createActor(input: { name: "Chequeado", kind: ORGANIZATION }) { id } }`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('an editor adds, publishes, edits and retracts a review', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, base, token);
    await page.goto(`${base}/#/claims/${encodeURIComponent(claimId)}`);
    await page.getByText('Add a review', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a review' });
    await form.getByLabel('Reviewer').selectOption({ label: 'Chequeado' });
    await form.getByLabel('Verdict').fill('False');

    // a draft first: no URL yet, so the ClaimReview export has nothing to show
    await form.getByRole('button', { name: 'Add the review' }).click();
    const review = page.getByTestId('review');
    await review.getByText('Draft', { exact: true }).waitFor();
    expect((await claimReview()).status).toBe(404);

    // an address on this machine is refused with the API's words, and nothing changes
    await review.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit the review' });
    await edit.getByLabel('Published at (URL)').fill('http://localhost:3000/talks');
    await edit.getByLabel('Publication date').fill('2026-03-03T10:00');
    await edit.getByRole('button', { name: 'Save the review' }).click();
    await edit
      .getByRole('alert')
      .getByText(/points at this machine/)
      .waitFor();

    // a path on the public address, but the claim's second review is not done yet
    await edit.getByLabel('Published at (URL)').fill('/reviews/talks');
    await edit.getByLabel('Summary').fill('Denied by the government.');
    await edit.getByRole('button', { name: 'Save the review' }).click();
    await edit
      .getByRole('alert')
      .getByText(/only once the claim's checklist has "Second editor review"/)
      .waitFor();
    expect((await claimReview()).status).toBe(404);

    // ticked on the claim's checklist, the review publishes
    await page.check('input[data-key="second-review"]');
    await page.waitForSelector('.checklist li:has-text("Second editor review") input:checked');
    await edit.getByRole('button', { name: 'Save the review' }).click();
    await review.getByText('Published', { exact: true }).waitFor();
    await review.getByText('Denied by the government.').waitFor();
    const published = await claimReview();
    expect(published.status).toBe(200);
    const document = await published.json();
    expect(document).toMatchObject({
      url: `${PUBLIC}/reviews/talks`,
      author: { name: 'Chequeado' },
      reviewRating: { alternateName: 'False' },
      description: 'Denied by the government.',
    });
    await review.scrollIntoViewIfNeeded();
    await shot(page, 'claim-review-published-1280');

    await review.getByRole('button', { name: 'Retract' }).click();
    await review.getByLabel('Why is it retracted?').fill('Published on the wrong claim');
    await review.getByRole('button', { name: 'Retract the review' }).click();
    await review.getByText('Retracted', { exact: true }).waitFor();
    await review.getByText(/Published on the wrong claim/).waitFor();
    expect(await review.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    const retracted = await claimReview();
    expect(retracted.status).toBe(404);
    expect((await retracted.json()).message).toMatch(/1 was retracted/);
    await shot(page, 'claim-review-retracted-1280');
    expect(errors).toEqual([]);
    await page.close();
  });
});
