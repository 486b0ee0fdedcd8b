/// <reference lib="dom" />
// The search page in a real Chromium, as a reader without a token uses it: words typed find
// claims, passages, articles and actors; the kinds narrow it; the address can be shared; a hit
// opens where it is worked on (docs/guide.md, Search).
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser } from 'playwright-core';
import { browserDescribe, newPage, startDashboard } from './support/dashboard-browser';

jest.setTimeout(120_000);

browserDescribe('the search page, in Chromium', () => {
  let app: NestFastifyApplication;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ app, base, browser } = await startDashboard());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('finds every kind of hit, narrows by kind, shares the address and opens a hit', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByLabel('Words').fill('Milei');
    await page.waitForURL(/#\/search\?q=Milei$/);
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    /** what each hit is: "Claim", "Passage of …", "Article · …", "Actor · …" → its first word */
    const kinds = async () =>
      new Set(
        (await page.locator('.search-hits .small').allTextContents()).map((t) => t.split(' ')[0]),
      );
    // claims, passages and the actor at least: several kinds of hit, each with marked words
    expect((await kinds()).size).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.search-hits mark').count()).toBeGreaterThan(0);

    // actors only: the address says so, and a fresh page on it shows the same
    await page.locator('input[data-type="CLAIM"]').uncheck();
    await page.locator('input[data-type="PASSAGE"]').uncheck();
    await page.locator('input[data-type="ARTICLE"]').uncheck();
    await page.waitForURL(/types=ACTOR$/);
    await page.waitForFunction(() => {
      const shown = Array.from(document.querySelectorAll('.search-hits .small'));
      return shown.length > 0 && shown.every((hit) => hit.textContent!.startsWith('Actor'));
    });
    expect([...(await kinds())]).toEqual(['Actor']);
    const shared = page.url();
    const { page: other } = await newPage(browser);
    await other.goto(shared);
    await other.getByTestId('search-hit').first().waitFor();
    expect(await other.getByLabel('Words').inputValue()).toBe('Milei');
    expect(await other.locator('input[data-type="CLAIM"]').isChecked()).toBe(false);
    expect(await other.locator('input[data-type="ACTOR"]').isChecked()).toBe(true);

    // an actor hit opens the actor's graph
    await page.locator('.search-hits a').first().click();
    await page.waitForURL(/#\/graph\?actor=/);
    expect(errors).toEqual([]);
  });

  test('opens an address typed with a broken % sequence or a second "?" without going blank', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${base}/#/search?q=why?%E0%A4%A&types=%,CLAIM,CLAIM`);
    expect(await page.getByLabel('Words').inputValue()).toBe('why?\uFFFD%A');
    expect(await page.locator('input[data-type="CLAIM"]').isChecked()).toBe(true);
    expect(await page.locator('input[data-type="ACTOR"]').isChecked()).toBe(false);
    await page.goto(`${base}/#/claims/%E0%A4%A`);
    // the claim page says there is no such claim (before, the whole dashboard threw)
    await page.waitForFunction(() => (document.getElementById('root')?.textContent ?? '') !== '');
    await page.goto(`${base}/#/search`);
    await page.getByLabel('Words').waitFor();
    expect(errors).toEqual([]);
  });
});
