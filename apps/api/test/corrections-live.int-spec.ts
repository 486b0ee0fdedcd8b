import { Client } from 'graphql-ws';
import { LogTailer } from '@claimtrace/events';
import { api } from './support/claims-api';
import { CORRECTED, ORIGINAL, QUOTES } from './support/corrected-example';
import { listen, subscribe, wsClient } from './live-client';
import { startTestApp, TestApp } from './test-app';

/**
 * A correction reaches a claim's live watchers (`claimEvents(claimId)`, which `claimtrace watch
 * --claim` follows): SOURCE_CORRECTED when the article changes, SOURCE_CHANGE_RESOLVED when an
 * editor resolves what it orphaned; a watcher of another claim sees neither.
 */
describe('corrections over claimEvents', () => {
  let t: TestApp;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ EVENTS_POLL_MS: '200' });
    url = await listen(t.app);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.close();
  });

  const client = () => {
    const made = wsClient(url);
    clients.push(made);
    return made;
  };

  /** The cursor of a claim's last event once the log shows `count` of them (their order is final). */
  async function lastCursor(claimId: string, count: number): Promise<string> {
    let cursors: string[] = [];
    await until(async () => {
      const data = await t.ok(
        `query ($c: ID) { events(first: 50, claimId: $c) { edges { cursor } } }`,
        {
          c: claimId,
        },
      );
      cursors = data.events.edges.map((e: any) => e.cursor);
      return cursors.length >= count;
    }, 'the log');
    return cursors[cursors.length - 1];
  }

  async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('tells the watchers of each touched claim, in order', async () => {
    const a = api(t);
    const url = 'https://www.perfil.com/noticias/live-correction';
    const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
    const ingest = async (text: string) =>
      (await t.ok(INGEST, { i: { url, title: 'Milei', text } })).ingestArticle.article.id;
    const article = await ingest(ORIGINAL);
    const sources = await a.actor('sources familiar with the discussions', 'ANONYMOUS_SOURCE');
    const claim = (await a.createClaim('The negotiations are moving quickly')).id;
    const other = (await a.createClaim('Another claim')).id;
    await a.attribute({
      claimId: claim,
      actorId: sources,
      stance: 'ASSERTS',
      articleId: article,
      quote: { exact: QUOTES.sources },
    });
    const tailer = t.app.get(LogTailer);
    const before = tailer.stats().subscribers;
    // after the events so far (created, attributed): what follows is the correction's
    const watched = subscribe(client(), { claimId: claim, after: await lastCursor(claim, 2) });
    const bystander = subscribe(client(), { claimId: other, after: await lastCursor(other, 1) });
    await until(() => tailer.stats().subscribers === before + 2, 'the subscriptions');

    const corrected = await ingest(CORRECTED);
    const [event] = await watched.waitFor(1);
    expect(event).toMatchObject({
      kind: 'SOURCE_CORRECTED',
      claim: { id: claim },
      payload: { articleId: corrected, previousVersionId: article, orphaned: 1, moved: 0 },
    });

    const queue = await t.ok(`{ sourceChanges { edges { node { id } } } }`);
    await t.ok(
      `mutation ($i: ResolveSourceChangeInput!) { resolveSourceChange(input: $i) { id } }`,
      { i: { sourceChangeId: queue.sourceChanges.edges[0].node.id, action: 'CONFIRM' } },
    );
    const [, resolved] = await watched.waitFor(2);
    expect(resolved).toMatchObject({
      kind: 'SOURCE_CHANGE_RESOLVED',
      claim: { id: claim },
      payload: { action: 'CONFIRM' },
    });
    expect(bystander.events).toEqual([]);
    watched.dispose();
    bystander.dispose();
  });
});
