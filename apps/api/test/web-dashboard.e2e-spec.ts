/// <reference lib="dom" />
// End-to-end tests of the web dashboard (apps/web) in a real Chromium: the built page served by the
// real API (createApp, listening on 127.0.0.1) over the demo data on a real PostgreSQL.
//
// They need Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH) and the built page
// (`npm run build`); without Chromium every test is reported as skipped (`apt-get install
// chromium` enables them). The server runs as in production, with introspection off: the page
// needs none, and the walk-through test checks that it sends no request that fails.
import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, chromium, Page } from 'playwright-core';
import { DemoLoader } from '@claimtrace/demo';
import { createTestDatabase } from '@claimtrace/testing';
import { createApp } from '../src/bootstrap/create-app';
import { findWebRoot } from '../src/dashboard/web-page';
import {
  browserDescribe,
  CHROMIUM,
  DemoClaim,
  editorToken,
  hasChromium,
  LAUNCH_ARGS,
  newPage,
  ROOT,
  shot,
  testConfig,
} from './support/dashboard-browser';

jest.setTimeout(120_000);

browserDescribe('web dashboard in Chromium', () => {
  let databaseUrl: string;
  let app: NestFastifyApplication;
  let port: number;
  let base: string;
  let browser: Browser;
  let talks: DemoClaim;
  let token: string | null;
  const auth = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

  async function start(listenPort = 0): Promise<NestFastifyApplication> {
    const config = testConfig();
    const server = await createApp({ config, databaseUrl });
    await server.init();
    await server.listen({ port: listenPort, host: '127.0.0.1' });
    return server;
  }

  async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  const CHANGE = `mutation ($input: ChangeClaimStatusInput!) {
    changeClaimStatus(input: $input) { id status version } }`;

  const openPage = (width = 1280) => newPage(browser, width);

  async function statusOnBoard(page: Page, claimId: string): Promise<string | null> {
    return page.textContent(`[data-claim-id="${claimId}"] [data-testid="status"]`);
  }

  beforeAll(async () => {
    if (!findWebRoot(join(ROOT, 'apps/api/src/dashboard'))) {
      throw new Error('The web page is not built: run `npm run build` first.');
    }
    databaseUrl = await createTestDatabase();
    app = await start();
    port = (app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    await app.get(DemoLoader).load();
    token = await editorToken(app);
    const { claims } = await gql<{ claims: { edges: { node: DemoClaim }[] } }>(
      `{ claims(first: 100) { edges { node { id text status version } } } }`,
    );
    talks = claims.edges.map((e) => e.node).find((c) => c.text.includes('advanced talks'))!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the board lists the demo claims, at 1280 and 390 px, without console errors', async () => {
    const { claims } = await gql<{ claims: { totalCount: number; edges: { node: DemoClaim }[] } }>(
      `{ claims(first: 100) { totalCount edges { node { id text } } } }`,
    );
    expect(claims.totalCount).toBe(8);
    for (const width of [1280, 390]) {
      const { page, errors } = await openPage(width);
      await page.goto(`${base}/`);
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-claim-id]').length === n,
        claims.totalCount,
      );
      const shown = await page.$$eval('[data-claim-id] .claim-text', (links) =>
        links.map((a) => a.textContent),
      );
      expect(shown.sort()).toEqual(claims.edges.map((e) => e.node.text).sort());
      expect(await statusOnBoard(page, talks.id)).toBe('Contested');
      expect(await page.textContent(`[data-claim-id="${talks.id}"] .stance-summary`)).toContain(
        'denied by 3',
      );
      expect(await page.isVisible('[data-testid="live-indicator"]')).toBe(true);
      // labelled controls: every filter has its label
      for (const label of ['Search', 'Status', 'Actor', 'Tag']) {
        expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
      }
      // the page fits: no horizontal scrolling
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await shot(page, `board-${width}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  test('the board filters by status and searches on the server', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-claim-id]');
    await page.selectOption('#f-status', 'CONTESTED');
    await page.waitForFunction(() => document.querySelectorAll('[data-claim-id]').length === 1);
    await page.selectOption('#f-status', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-claim-id]').length === 8);
    await page.fill('#f-search', 'expulsion');
    await page.waitForFunction(() => {
      const cards = document.querySelectorAll('[data-claim-id] .claim-text');
      return cards.length === 1 && Boolean(cards[0].textContent?.includes('expulsion'));
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('clicking through the pages sends no request that fails and logs no console error', async () => {
    const { page, errors } = await openPage();
    const failed: string[] = [];
    const checked: Promise<void>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== base) return;
      if (response.status() >= 400) failed.push(`${response.status()} ${url.pathname}`);
      if (url.pathname !== '/graphql' || response.request().method() !== 'POST') return;
      checked.push(
        response.json().then(
          (body: { errors?: unknown[] }) => {
            if (body.errors) failed.push(JSON.stringify(body.errors));
          },
          // an answer still arriving when the test closes the page can no longer be read
          () => (page.isClosed() ? undefined : void failed.push(`unreadable ${url.pathname}`)),
        ),
      );
    });
    /** resolves when the page has the answer to its `operation` (by the document's name) */
    const answered = (operation: string) =>
      page.waitForResponse(
        (r) => r.url().endsWith('/graphql') && Boolean(r.request().postData()?.includes(operation)),
      );
    const { actors } = await gql<{ actors: { edges: { node: { id: string } }[] } }>(
      `{ actors(search: "Milei", first: 1) { edges { node { id } } } }`,
    );
    const milei = actors.edges[0].node.id;
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid="live-indicator"][data-status="live"]');
    await page.selectOption('#f-status', 'CONTESTED');
    await page.waitForFunction(() => document.querySelectorAll('[data-claim-id]').length === 1);
    await page.selectOption('#f-status', '');
    await page.fill('#f-search', 'deportees');
    await page.waitForFunction(() => document.querySelectorAll('[data-claim-id]').length > 0);
    await page.click(`[data-claim-id="${talks.id}"] .claim-text`);
    await page.waitForSelector('mark.passage');
    for (const open of [
      () => page.click('nav >> text=Graph'),
      () => page.goto(`${base}/#/graph?actor=${encodeURIComponent(milei)}&depth=1`),
      () => page.goto(`${base}/#/graph`),
    ]) {
      const graph = answered('query ClaimGraph');
      await open();
      await graph;
    }
    await Promise.all(checked);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the claim detail highlights the right passage text', async () => {
    const { claim } = await gql(
      `query ($id: ID!) { claim(id: $id) { attributions(first: 100) { edges { node {
        id stance actor { name } passage { id exact } } } } } }`,
      { id: talks.id },
    );
    const attributions: { id: string; stance: string; actor: { name: string }; passage: any }[] =
      claim.attributions.edges.map((e: any) => e.node);
    for (const width of [1280, 390]) {
      const { page, errors } = await openPage(width);
      await page.goto(`${base}/#/claims/${encodeURIComponent(talks.id)}`);
      await page.waitForSelector('mark.passage');
      await shot(page, `claim-top-${width}`);
      // every attribution's passage is highlighted with exactly its words
      for (const a of attributions) {
        const text = await page.$$eval(`[data-passage-ids~="${a.passage.id}"]`, (marks) =>
          marks.map((m) => m.textContent).join(''),
        );
        expect(text).toBe(a.passage.exact);
      }
      // clicking Milei's denial jumps to it and marks it active
      const denial = attributions.find(
        (a) => a.stance === 'DENIES' && a.actor.name === 'Javier Milei',
      )!;
      await page.click(`button[data-passage-id="${denial.passage.id}"]`);
      const anchor = `#passage-${denial.passage.id}`;
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.classList.contains('active'),
        anchor,
      );
      expect(await page.isVisible(anchor)).toBe(true);
      // the smooth scroll ends with the passage in the viewport
      await page.waitForFunction(
        (selector) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        },
        anchor,
        { timeout: 5000 },
      );
      // the relay chain and the status history are there
      expect(await page.textContent('body')).toContain('The New York Times');
      expect(await page.textContent('.timeline')).toContain('100 percent false');
      // notes are the newsroom's: the page, read without a token, neither asks for nor shows them
      expect(await page.locator('#notes-title').count()).toBe(0);
      await shot(page, `claim-${width}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  test('the graph view renders nodes and links them', async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await openPage(width);
      await page.goto(`${base}/#/graph?claim=${encodeURIComponent(talks.id)}&depth=2`);
      await page.waitForFunction(
        () =>
          Number(
            document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-node-count'),
          ) > 0,
      );
      const nodes = Number(
        await page.getAttribute('[data-testid="graph-canvas"]', 'data-node-count'),
      );
      expect(nodes).toBeGreaterThanOrEqual(5);
      expect(await page.locator('[data-testid="graph-canvas"] canvas').count()).toBeGreaterThan(0);
      expect(await page.textContent('[data-testid="node-list"]')).toContain('Javier Milei');
      const edges = Number(
        await page.getAttribute('[data-testid="graph-canvas"]', 'data-edge-count'),
      );
      // every button downloads what the view shows: its start and depth, the same nodes and edges
      const selection = `claimId=${talks.id}&depth=2`;
      const exports = [
        'graphml',
        'gexf',
        'json',
        'csv&table=nodes',
        'csv&table=edges',
        'parquet&table=nodes',
        'parquet&table=edges',
      ];
      for (const format of exports) {
        const href = `/exports/graph?format=${format}&${selection}`;
        expect(await page.locator(`a[href="${href}"]`).count()).toBe(1);
        const response = await page.request.get(`${base}${href}`);
        expect(response.status()).toBe(200);
        const body = await response.text();
        if (format.startsWith('parquet')) {
          // read back by DuckDB in export-parquet.int-spec.ts; here: a Parquet file of those rows
          expect(body.startsWith('PAR1') && body.endsWith('PAR1')).toBe(true);
        } else if (format === 'json') {
          const graph = Graph.from(JSON.parse(body));
          expect([graph.order, graph.size]).toEqual([nodes, edges]);
        } else if (format.startsWith('csv')) {
          const rows = (parseCsv(body, { columns: true }) as unknown[]).length;
          expect(rows).toBe(format.endsWith('nodes') ? nodes : edges);
        } else {
          expect(body.match(/<node id=/g)?.length).toBe(nodes);
          expect(body.match(/<edge id=/g)?.length).toBe(edges);
        }
      }
      await shot(page, `graph-${width}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  test('a signed-in editor downloads an export through a signed link, streamed by the browser', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${base}/`);
    await page.click('text=Sign in to edit');
    await page.fill('#token-input', token ?? 'editor-token');
    await page.click('button:has-text("Sign in")');
    await page.goto(`${base}/#/graph?claim=${encodeURIComponent(talks.id)}&depth=1`);
    const href = `/exports/graph?format=gexf&claimId=${talks.id}&depth=1`;
    await page.waitForSelector(`a[href="${href}"]`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`a[href="${href}"]`),
    ]);
    // the signed link opens the same selection, with its ticket
    const signed = new URL(download.url());
    expect(signed.pathname).toBe('/exports/graph');
    expect(Object.fromEntries(signed.searchParams)).toMatchObject({
      format: 'gexf',
      claimId: talks.id,
      depth: '1',
      ticket: expect.any(String),
    });
    expect(download.suggestedFilename()).toMatch(/\.gexf$/);
    const path = await download.path();
    const gexf = readFileSync(path, 'utf8');
    expect(gexf).toContain('<gexf');
    const shown = Number(
      await page.getAttribute('[data-testid="graph-canvas"]', 'data-node-count'),
    );
    expect(gexf.match(/<node id=/g)?.length).toBe(shown);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a signed-in editor changes a status; on CONFLICT the newer version is shown', async () => {
    const { page, errors } = await openPage();
    // Hold the live feed's socket (never answered), so the other editor's change below reaches
    // this page only through the CONFLICT answer, as it would during a dropped connection.
    await page.routeWebSocket(/\/graphql/, () => undefined);
    await page.goto(`${base}/`);
    await page.click('text=Sign in to edit');
    await page.fill('#token-input', token ?? 'editor-token');
    await page.click('button:has-text("Sign in")');
    await page.goto(`${base}/#/claims/${encodeURIComponent(talks.id)}`);
    await page.waitForSelector('#status-rationale');
    await page.waitForSelector('#notes-title'); // signed in, the notes are there
    const { claim } = await gql(`query ($id: ID!) { claim(id: $id) { status version } }`, {
      id: talks.id,
    });
    // someone else changes the claim after the page read it
    await gql(CHANGE, {
      input: {
        claimId: talks.id,
        status: 'CORROBORATED',
        rationale: 'Second source',
        expectedVersion: claim.version,
      },
    });
    // a verdict needs the checklist's second review (CHECKLIST's default)
    await gql(`mutation ($i: SetChecklistItemInput!) { setChecklistItem(input: $i) { id } }`, {
      i: { claimId: talks.id, key: 'second-review', done: true },
    });
    await page.fill('#status-rationale', 'Officially confirmed');
    await page.selectOption('#status-to', 'CONFIRMED');
    await page.click('button:has-text("Change status")');
    await page.waitForSelector('[data-testid="conflict"]');
    expect(await page.textContent('[data-testid="conflict"]')).toContain(
      `version ${claim.version + 1}`,
    );
    await page.waitForFunction(
      () =>
        document.querySelector('.detail-head [data-testid="status"]')?.textContent ===
        'Corroborated',
    );
    // submitting again applies it on the newer version
    await page.selectOption('#status-to', 'CONFIRMED');
    await page.click('button:has-text("Change status")');
    await page.waitForFunction(
      () =>
        document.querySelector('.detail-head [data-testid="status"]')?.textContent === 'Confirmed',
    );
    const after = await gql(
      `query ($id: ID!) { claim(id: $id) { status statusHistory { rationale } } }`,
      {
        id: talks.id,
      },
    );
    expect(after.claim.status).toBe('CONFIRMED');
    expect(after.claim.statusHistory.map((s: any) => s.rationale)).toContain(
      'Officially confirmed',
    );
    await shot(page, 'claim-editor-1280');
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
    talks = { ...talks, status: 'CONFIRMED' };
    await page.close();
  });

  test('a status change made through the API appears on an open board without reload', async () => {
    const { page } = await openPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid="live-indicator"][data-status="live"]');
    await page.evaluate(() => ((window as any).__notReloaded = true));
    const { claim } = await gql(`query ($id: ID!) { claim(id: $id) { status version } }`, {
      id: talks.id,
    });
    const next = claim.status === 'CONTESTED' ? 'CORROBORATED' : 'CONTESTED';
    await gql(CHANGE, {
      input: {
        claimId: talks.id,
        status: next,
        rationale: 'Live board test',
        expectedVersion: claim.version,
      },
    });
    await page.waitForFunction(
      ([id, label]) =>
        document.querySelector(`[data-claim-id="${id}"] [data-testid="status"]`)?.textContent ===
        label,
      [talks.id, next.charAt(0) + next.slice(1).toLowerCase()],
    );
    expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);
    await shot(page, 'board-live-1280');
    await page.close();
  });

  test('after the server restarts the board reconnects and shows what changed meanwhile', async () => {
    const { page } = await openPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid="live-indicator"][data-status="live"]');
    await page.evaluate(() => ((window as any).__notReloaded = true));
    const read = async (id: string) =>
      (await gql(`query ($id: ID!) { claim(id: $id) { status version } }`, { id })).claim;
    // one event first, so the board holds a cursor to resume from
    const before = await read(talks.id);
    const first = before.status === 'CONTESTED' ? 'CORROBORATED' : 'CONTESTED';
    await gql(CHANGE, {
      input: {
        claimId: talks.id,
        status: first,
        rationale: 'Before the restart',
        expectedVersion: before.version,
      },
    });
    const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
    await page.waitForFunction(
      ([id, l]) =>
        document.querySelector(`[data-claim-id="${id}"] [data-testid="status"]`)?.textContent === l,
      [talks.id, label(first)],
    );

    // the server goes away: the board says so
    await app.close();
    await page.waitForSelector('[data-testid="live-indicator"][data-status="offline"]');
    expect(await page.textContent('[data-testid="live-indicator"]')).toContain('offline');

    // meanwhile (before the new server listens) the claim changes and a claim is created
    app = await createApp({ config: testConfig(), databaseUrl });
    await app.init();
    const inject = async (query: string, variables: Record<string, unknown>) =>
      (
        await app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', ...auth() },
          payload: JSON.stringify({ query, variables }),
        })
      ).json();
    const meanwhile = first === 'CONTESTED' ? 'CORROBORATED' : 'CONTESTED';
    const changed = await inject(CHANGE, {
      input: {
        claimId: talks.id,
        status: meanwhile,
        rationale: 'While the board was offline',
        expectedVersion: before.version + 1,
      },
    });
    expect(changed.errors).toBeUndefined();
    const created = await inject(
      `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
      {
        input: { text: 'A claim made while the board was offline', tags: ['e2e'] },
      },
    );
    expect(created.errors).toBeUndefined();

    // the server is back on the same address: the board reconnects with its cursor and catches up
    await app.listen({ port, host: '127.0.0.1' });
    await page.waitForSelector('[data-testid="live-indicator"][data-status="live"]', {
      timeout: 30_000,
    });
    await page.waitForFunction(
      ([id, l]) =>
        document.querySelector(`[data-claim-id="${id}"] [data-testid="status"]`)?.textContent === l,
      [talks.id, label(meanwhile)],
    );
    await page.waitForSelector(`[data-claim-id="${created.data.createClaim.id}"]`);
    expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);
    await shot(page, 'board-reconnected-1280');
    await page.close();
  });
});

if (!hasChromium) {
  console.log(
    `Browser tests skipped: no Chromium at ${CHROMIUM}. \`apt-get install chromium\` (Debian) enables them.`,
  );
}
